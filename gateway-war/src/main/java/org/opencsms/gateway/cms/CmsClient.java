package org.opencsms.gateway.cms;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.CallType;
import org.opencsms.api.messaging.Calls.Call;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events.Event;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.Destinations;
import org.opencsms.api.messaging.ErrorReply;
import org.opencsms.api.messaging.EventType;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.messaging.jms.JmsSender;
import org.opencsms.gateway.platform.GatewaySettings;

/**
 * The gateway's way to the CMS. Calls go on the request queue with this node's reply queue as
 * JMSReplyTo and a fresh correlation id; the {@link ReplyListener} completes the waiting future.
 * Nothing blocks on {@code receive()}: a caller that must not wait chains on the future.
 */
@ApplicationScoped
public class CmsClient {
    private static final Logger LOG = Logger.getLogger(CmsClient.class.getName());

    @jakarta.inject.Inject
    GatewaySender sender;
    @Resource(lookup = Destinations.REQUEST_QUEUE)
    Queue requests;
    @Resource(lookup = Destinations.REPLY_QUEUE)
    Queue replies;
    @Resource(lookup = Destinations.EVENT_QUEUE)
    Queue events;
    @Resource(lookup = Destinations.COMMAND_TOPIC)
    Topic commands;
    @jakarta.inject.Inject
    org.opencsms.gateway.platform.Timers timers;
    @jakarta.inject.Inject
    org.opencsms.gateway.platform.GatewayMetrics metrics;

    /** A reply nobody waits for any more must not pile up in a reply queue. */
    private static final long REPLY_TTL_MS = 60_000;

    private final Map<String, Pending<?>> pending = new ConcurrentHashMap<>();
    private final String nodeId;
    /**
     * Correlation ids: unique per node and start (a random prefix, so a reply to the previous process
     * cannot match) and cheap (UUID.randomUUID takes a lock of the shared secure random per call).
     */
    private final String correlationPrefix;
    private final java.util.concurrent.atomic.AtomicLong correlationCounter = new java.util.concurrent.atomic.AtomicLong();
    /** CSMS_PUBLISH_THREADS [64]: threads that publish events and wait for the broker's acknowledgement. */
    private static final int PUBLISH_THREADS = GatewaySettings.publishThreads();
    @Resource
    jakarta.enterprise.concurrent.ManagedThreadFactory threadFactory;
    private volatile java.util.concurrent.ExecutorService publisher;

    private record Pending<R>(Class<R> replyType, CompletableFuture<R> future) {
    }

    public CmsClient() {
        this(GatewaySettings.nodeId());
    }

    /** A client for the given node id (tests: outside a server no node id is bound). */
    CmsClient(String nodeId) {
        this.nodeId = nodeId;
        this.correlationPrefix = nodeId + "-" + Long.toString(new java.security.SecureRandom().nextLong()
                & Long.MAX_VALUE, 36) + "-";
    }

    /** Asks the CMS with the default timeout ({@link GatewaySettings#cmsTimeout()}). */
    public <R> CompletableFuture<R> call(String chargePointId, Call<R> body) {
        return call(chargePointId, body, GatewaySettings.cmsTimeout());
    }

    /**
     * Sends a call; the future completes with the reply, with {@link CmsCallFailed} when the CMS
     * answered with an error, or with {@link TimeoutException} when it did not answer in time.
     */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> call(String chargePointId, Call<R> body, Duration timeout) {
        CallType<?, R> type = (CallType<?, R>) Contract.call(body);
        String correlationId = newCorrelationId();
        CompletableFuture<R> future = await(correlationId, type.replyType(), type.name(), timeout);
        long started = System.nanoTime();
        future.whenComplete((r, e) -> metrics.cmsCall(type.name(), System.nanoTime() - started, e == null));
        try {
            sender().send(requests, Bodies.toJson(body), Map.of(MessageProperties.TYPE, type.name(),
                            MessageProperties.CHARGE_POINT_ID, chargePointId, MessageProperties.NODE_ID, nodeId),
                    new JmsSender.Options(DeliveryMode.NON_PERSISTENT, timeout.toMillis(), correlationId, replies));
        } catch (RuntimeException e) {
            pending.remove(correlationId);
            future.completeExceptionally(e);
        }
        return future;
    }

    /**
     * Expects a reply with this correlation id on this node's reply queue (a call's, or the command
     * route probe's). Register before sending, so a fast reply cannot arrive unexpected.
     */
    <R> CompletableFuture<R> await(String correlationId, Class<R> replyType, String what, Duration timeout) {
        CompletableFuture<R> future = new CompletableFuture<>();
        pending.put(correlationId, new Pending<>(replyType, future));
        ScheduledFuture<?> timer = timers.scheduler().schedule(() -> {
            if (pending.remove(correlationId) != null) {
                future.completeExceptionally(new TimeoutException(
                        "no answer to " + what + " within " + timeout.toSeconds() + " s"));
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        future.whenComplete((r, e) -> {
            timer.cancel(false);
            pending.remove(correlationId);
        });
        return future;
    }

    /**
     * Sends a probe over the command topic to this node itself; the future completes when this node's
     * command listener has answered it (the same route as a command for one of its charge points).
     */
    public CompletableFuture<CommandResult> probeCommandRoute(Duration timeout) {
        String correlationId = newCorrelationId();
        CompletableFuture<CommandResult> future = await(correlationId, CommandResult.class, "the command route probe",
                timeout);
        try {
            sender().send(commands, "{}", Map.of(MessageProperties.TYPE, MessageProperties.TYPE_NODE_PROBE,
                            MessageProperties.TARGET_NODE, nodeId, MessageProperties.NODE_ID, nodeId),
                    new JmsSender.Options(DeliveryMode.NON_PERSISTENT, timeout.toMillis(), correlationId, replies));
        } catch (RuntimeException e) {
            pending.remove(correlationId);
            future.completeExceptionally(e);
        }
        return future;
    }

    /** A correlation id no other exchange of this node uses. */
    public String newCorrelationId() {
        return correlationPrefix + correlationCounter.incrementAndGet();
    }

    /**
     * Publishes an event on one of the node's publisher threads (not on the caller's: a persistent
     * send waits for the broker, and the container threads that serve the sockets and deliver the
     * replies must not wait with it). The future completes once the broker has the event.
     */
    public CompletableFuture<Void> publishAsync(String chargePointId, Event body) {
        EventType<?> type = Contract.event(body);
        long started = System.nanoTime();
        AmqpEventPublisher amqp = amqpEvents();
        if (amqp != null) {
            // RabbitMQ: mandatory and confirmed; the broker's confirm completes it, no thread waits for it;
            // what follows (the charge point's answer) runs on a publisher thread, not on the client's thread
            return amqp.publish(Bodies.toJson(body), eventProperties(type, chargePointId), publisher())
                    .whenCompleteAsync((ok, e) -> metrics.eventPublished(System.nanoTime() - started, e == null),
                            publisher());
        }
        try {
            return CompletableFuture.runAsync(() -> publish(chargePointId, body), publisher());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Map<String, String> eventProperties(EventType<?> type, String chargePointId) {
        return Map.of(MessageProperties.TYPE, type.name(), MessageProperties.CHARGE_POINT_ID, chargePointId,
                MessageProperties.NODE_ID, nodeId);
    }

    /** CSMS_MESSAGING=rabbitmq: the AMQP publisher of events (created at the first event or at start-up). */
    private AmqpEventPublisher amqpEvents() {
        AmqpEventPublisher p = amqpEvents;
        if (p == null && RABBITMQ) {
            synchronized (this) {
                if (amqpEvents == null) {
                    amqpEvents = new AmqpEventPublisher(
                            GatewaySettings.rabbitmqUri(),
                            Destinations.EVENT_QUEUE_NAME, EVENT_CHANNELS, "csms-events " + nodeId);
                    amqpEvents.start();
                }
                p = amqpEvents;
            }
        }
        return p;
    }

    /** Start-up: with RabbitMQ, connects the event publisher and declares the event queue before any event. */
    public void startEvents() {
        amqpEvents();
    }

    private static final boolean RABBITMQ = GatewaySettings.rabbitmq();
    /** AMQP channels publishing events; each has any number of events in flight. */
    private static final int EVENT_CHANNELS = 8;
    private volatile AmqpEventPublisher amqpEvents;

    private java.util.concurrent.ExecutorService publisher() {
        java.util.concurrent.ExecutorService p = publisher;
        if (p == null) {
            synchronized (this) {
                if (publisher == null) {
                    publisher = java.util.concurrent.Executors.newFixedThreadPool(PUBLISH_THREADS, threadFactory);
                }
                p = publisher;
            }
        }
        return p;
    }

    @jakarta.annotation.PreDestroy
    void stopPublisher() {
        if (publisher != null) {
            publisher.shutdown();
        }
        if (amqpEvents != null) {
            amqpEvents.close();
        }
    }

    /** Answers an exchange on the asker's reply destination. */
    public void reply(Destination replyTo, String correlationId, Object body) {
        sender().send(replyTo, Bodies.toJson(body),
                Map.of(MessageProperties.OUTCOME, MessageProperties.OUTCOME_OK, MessageProperties.NODE_ID, nodeId),
                new JmsSender.Options(DeliveryMode.NON_PERSISTENT, REPLY_TTL_MS, correlationId, null));
    }

    /**
     * Publishes an event persistently; returns once the broker has it (a publisher confirm on
     * RabbitMQ, the synchronous persistent send of the embedded engine), so a charge point's CALLRESULT
     * can follow.
     */
    public void publish(String chargePointId, Event body) {
        AmqpEventPublisher amqp = amqpEvents();
        if (amqp != null) {
            publishAsync(chargePointId, body).join();
            return;
        }
        long started = System.nanoTime();
        boolean ok = false;
        try {
            sender().send(events, Bodies.toJson(body), eventProperties(Contract.event(body), chargePointId),
                    new JmsSender.Options(DeliveryMode.PERSISTENT, 0, null, null));
            ok = true;
        } finally {
            metrics.eventPublished(System.nanoTime() - started, ok);
        }
    }

    /** Called by the reply listener; a reply nobody waits for any more (timed out) is logged and dropped. */
    void complete(String correlationId, String outcome, String body) {
        Pending<?> waiting = correlationId == null ? null : pending.remove(correlationId);
        if (waiting == null) {
            LOG.fine(() -> "Late or unknown reply " + correlationId + " dropped");
            return;
        }
        complete(waiting, outcome, body);
    }

    private static <R> void complete(Pending<R> waiting, String outcome, String body) {
        try {
            if (MessageProperties.OUTCOME_ERROR.equals(outcome)) {
                waiting.future().completeExceptionally(
                        new CmsCallFailed(Bodies.fromJson(body, ErrorReply.class).message()));
            } else {
                waiting.future().complete(Bodies.fromJson(body, waiting.replyType()));
            }
        } catch (RuntimeException e) {
            waiting.future().completeExceptionally(e);
        }
    }

    private JmsSender sender() {
        return sender.get();
    }

    public String nodeId() {
        return nodeId;
    }
}
