package org.opencsms.gateway.cms;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.MetricRegistry;
import org.opencsms.api.messaging.Destinations;

/**
 * The events published but not yet taken by the CMS, as the broker counts them (the depth of the event
 * queue), and the broker's dead letters. Read
 * every half second; exported as metrics. Admission control: while the backlog is above
 * CSMS_EVENT_BACKLOG_LIMIT, a charge point's event waits for it to drain before it is published (its
 * CALLRESULT comes later: back-pressure), and after {@link #MAX_HOLD} it is refused with a CALLERROR
 * InternalError, so the backlog stays bounded instead of growing with the offered load.
 */
@ApplicationScoped
public class EventBacklog {
    private static final Logger LOG = Logger.getLogger(EventBacklog.class.getName());
    /** CSMS_EVENT_BACKLOG_LIMIT [20000]: events waiting for the CMS above which new events are held. */
    static final long LIMIT = org.opencsms.gateway.platform.GatewaySettings.eventBacklogLimit();
    /** How long an event is held while the backlog is over its limit before the charge point is refused. */
    static final Duration MAX_HOLD = Duration.ofSeconds(20);
    private static final long POLL_MS = 500;

    @Inject
    org.opencsms.gateway.platform.Timers timers;
    @Inject
    MetricRegistry registry;

    private volatile long depth = -1;
    /** How long an event is held; {@link #MAX_HOLD} but for tests. */
    Duration maxHold = MAX_HOLD;
    private volatile long deadLetters = -1;
    private Probe probe;
    private ScheduledFuture<?> polling;

    /** Reads the broker's counts: -1 when unknown. */
    interface Probe extends AutoCloseable {
        long events() throws Exception;

        long deadLetters() throws Exception;

        @Override
        default void close() {
        }
    }

    /** Starts polling the broker (the node's start-up calls it). */
    public synchronized void start(boolean rabbitmq) {
        if (polling != null) {
            return;
        }
        probe = rabbitmq ? new RabbitProbe(org.opencsms.gateway.platform.GatewaySettings.rabbitmqUri())
                : new EmbeddedProbe();
        registry.gauge("csms_event_backlog_messages", this, EventBacklog::depth);
        registry.gauge("csms_event_backlog_limit", this, b -> LIMIT);
        // what the broker moved to its dead-letter queue (requests, commands); the CMS's dead-letter store
        // of events is csms_dead_letters
        registry.gauge("csms_broker_dead_letters", this, b -> b.deadLetters);
        polling = timers.scheduler().scheduleWithFixedDelay(this::poll, 0, POLL_MS, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (probe != null) {
            probe.close();
        }
    }

    private void poll() {
        try {
            observed(probe.events());
            deadLetters = probe.deadLetters();
        } catch (Exception e) {
            depth = -1;
            LOG.log(Level.FINE, "Could not read the event backlog", e);
        }
    }

    public long depth() {
        return depth;
    }

    /** The broker's count of waiting events, as last read. */
    void observed(long events) {
        depth = events;
    }

    public boolean overLimit() {
        return depth > LIMIT;
    }

    /**
     * Completes when an event may be published: at once while the backlog is under its limit, else
     * once it has drained below it; exceptionally after {@link #MAX_HOLD}.
     */
    public CompletableFuture<Void> admission() {
        if (!overLimit()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> admitted = new CompletableFuture<>();
        long deadline = System.nanoTime() + maxHold.toNanos();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (!overLimit()) {
                admitted.complete(null);
            } else if (System.nanoTime() > deadline) {
                admitted.completeExceptionally(new IllegalStateException("event backlog over its limit of " + LIMIT
                        + " for " + maxHold.toSeconds() + " s"));
            } else {
                timers.scheduler().schedule(check[0], 100, TimeUnit.MILLISECONDS);
            }
        };
        timers.scheduler().schedule(check[0], 100, TimeUnit.MILLISECONDS);
        return admitted;
    }

    /** Liberty's messaging engine: the depth of the event queue and the dead-letter queue, from their MBeans. */
    static final class EmbeddedProbe implements Probe {
        private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        private final ObjectName events = name("Queue", Destinations.EVENT_QUEUE_NAME);
        private final ObjectName deadLetters = name("Queue", Destinations.DEAD_LETTER_QUEUE);

        @Override
        public long events() throws Exception {
            return ((Number) server.getAttribute(events, "Depth")).longValue();
        }

        @Override
        public long deadLetters() throws Exception {
            return ((Number) server.getAttribute(deadLetters, "Depth")).longValue();
        }

        private static ObjectName name(String type, String name) {
            try {
                return new ObjectName("WebSphere:feature=wasJmsServer,type=" + type + ",name=" + name);
            } catch (javax.management.MalformedObjectNameException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** RabbitMQ: a passive declaration of the queues tells their message counts. */
    static final class RabbitProbe implements Probe {
        private final String uri;
        private com.rabbitmq.client.Connection connection;
        private com.rabbitmq.client.Channel channel;

        RabbitProbe(String uri) {
            this.uri = uri;
        }

        @Override
        public long events() throws Exception {
            return count(Destinations.EVENT_QUEUE_NAME);
        }

        @Override
        public long deadLetters() throws Exception {
            return count(Destinations.DEAD_LETTER_QUEUE);
        }

        private synchronized long count(String queue) throws Exception {
            if (channel == null || !channel.isOpen()) {
                if (connection == null || !connection.isOpen()) {
                    com.rabbitmq.client.ConnectionFactory factory = AmqpEventPublisher.factory(uri);
                    factory.setAutomaticRecoveryEnabled(false);
                    connection = factory.newConnection("csms-backlog-probe");
                }
                channel = connection.createChannel();
            }
            try {
                return channel.queueDeclarePassive(queue).getMessageCount();
            } catch (java.io.IOException e) {
                // a missing queue closes the channel: nothing subscribed yet
                channel = null;
                return 0;
            }
        }

        @Override
        public synchronized void close() {
            try {
                if (connection != null && connection.isOpen()) {
                    connection.close();
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the backlog probe", e);
            }
        }
    }
}
