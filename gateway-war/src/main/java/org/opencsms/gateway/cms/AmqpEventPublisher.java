package org.opencsms.gateway.cms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Publishes the charge point events to RabbitMQ as plain AMQP messages, because the JMS client cannot do what
 * an event needs: every publish is <em>mandatory</em> (an event no queue takes comes back, and the charge point
 * gets a CALLERROR instead of an answer for an event that was dropped) and confirmed (the charge point is
 * answered once the broker has the event on disk). The queue is declared before the first publish, so
 * events sent before any CMS consumes are kept. The CMS reads the queue with the resource adapter's
 * {@code messageFormat=amqp}: a text message (header {@code JMSType=TextMessage}) whose other headers are
 * its string properties.
 * <p>
 * A few channels, each in confirm mode; a publish holds its channel only for the write, which runs on the
 * caller's executor, never on the socket's thread. A failed channel or connection is replaced at the next
 * publish; while the broker is unreachable publishes fail at once.
 */
final class AmqpEventPublisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AmqpEventPublisher.class.getName());
    private static final long CONFIRM_TIMEOUT_MS = 10_000;
    /** After a failed connection attempt, publishes fail at once for this long instead of each trying again. */
    private static final long RECONNECT_PAUSE_MS = 1_000;

    private final String uri;
    private final String queue;
    private final String connectionName;
    private final PublisherChannel[] channels;
    private final AtomicInteger next = new AtomicInteger();
    /** Message ids: unique across nodes and restarts (the consumers count failures per message id). */
    private final String idPrefix = Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    private final AtomicInteger channelGeneration = new AtomicInteger();
    private Connection connection; // guarded by this
    private volatile boolean declared;
    private long lastFailedConnect; // guarded by this

    AmqpEventPublisher(String uri, String queue, int channels, String connectionName) {
        this.uri = uri;
        this.queue = queue;
        this.connectionName = connectionName;
        this.channels = new PublisherChannel[channels];
        for (int i = 0; i < channels; i++) {
            this.channels[i] = new PublisherChannel();
        }
    }

    /** Connects and declares the queue; failures are logged, the next publish tries again. */
    void start() {
        try {
            declare(channels[0].open());
        } catch (IOException | RuntimeException e) {
            LOG.warning("Cannot reach RabbitMQ for publishing events yet (" + e + "); trying again at the first event");
        }
    }

    /**
     * The future completes when the broker has confirmed the event, and fails when the broker refused it,
     * no queue took it, or no confirm came within {@value #CONFIRM_TIMEOUT_MS} ms.
     */
    CompletableFuture<Void> publish(String body, Map<String, String> properties, java.util.concurrent.Executor executor) {
        PublisherChannel channel = channels[Math.floorMod(next.getAndIncrement(), channels.length)];
        // the write (and, after a failure, the reconnect) runs on the executor and counts against the
        // timeout: the caller, a socket's thread, never waits for a broker that is starting or hung
        CompletableFuture<Void> confirmed;
        try {
            confirmed = CompletableFuture.supplyAsync(() -> channel.publish(body, properties), executor)
                    .thenCompose(f -> f);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
        return confirmed.orTimeout(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized Connection connection() throws IOException {
        if (connection != null && connection.isOpen()) {
            return connection;
        }
        if (System.currentTimeMillis() - lastFailedConnect < RECONNECT_PAUSE_MS) {
            throw new IOException("RabbitMQ was unreachable a moment ago");
        }
        try {
            ConnectionFactory factory = factory(uri);
            factory.setAutomaticRecoveryEnabled(false);
            factory.setConnectionTimeout(5_000);
            // a broker that is starting accepts the socket before it answers: bound every wait of a
            // publisher thread (the defaults are 10 s for the handshake and 10 minutes for a channel call)
            factory.setHandshakeTimeout(5_000);
            factory.setChannelRpcTimeout(5_000);
            factory.setShutdownTimeout(2_000);
            connection = factory.newConnection(connectionName);
            declared = false;
            return connection;
        } catch (IOException | RuntimeException e) {
            lastFailedConnect = System.currentTimeMillis();
            throw e;
        } catch (java.util.concurrent.TimeoutException e) {
            lastFailedConnect = System.currentTimeMillis();
            throw new IOException("timed out connecting to RabbitMQ", e);
        }
    }

    /** Declares the event queue (durable, no arguments: as the JMS client declares its queues). */
    private void declare(Channel channel) throws IOException {
        if (!declared) {
            channel.queueDeclare(queue, true, false, false, null);
            declared = true;
        }
    }

    /** An amqp-client factory for an {@code amqp://} URI; a lone trailing '/' is the default virtual host. */
    static ConnectionFactory factory(String uri) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri("/".equals(java.net.URI.create(uri).getRawPath()) ? uri.substring(0, uri.length() - 1) : uri);
        } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("RABBITMQ_URI is not a usable amqp:// URI", e);
        }
        return factory;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close(2_000);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing the event publisher's connection", e);
            }
            connection = null;
        }
    }

    /** One AMQP channel in confirm mode and the publishes it waits confirms for, by sequence number. */
    private final class PublisherChannel {
        private Channel channel; // guarded by this
        private ConcurrentNavigableMap<Long, CompletableFuture<Void>> unconfirmed = new ConcurrentSkipListMap<>();
        private String channelId; // guarded by this

        synchronized CompletableFuture<Void> publish(String body, Map<String, String> properties) {
            CompletableFuture<Void> confirmed = new CompletableFuture<>();
            long sequence = -1;
            try {
                Channel c = open();
                declare(c);
                sequence = c.getNextPublishSeqNo();
                Map<String, Object> headers = new HashMap<>(properties);
                headers.put("JMSType", "TextMessage");
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("text/plain")
                        .contentEncoding("UTF-8")
                        .deliveryMode(2)
                        .messageId(channelId + ":" + sequence)
                        .timestamp(new java.util.Date())
                        .headers(headers)
                        .build();
                unconfirmed.put(sequence, confirmed);
                c.basicPublish("", queue, true, props, body.getBytes(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                if (sequence >= 0) {
                    unconfirmed.remove(sequence);
                }
                drop();
                confirmed.completeExceptionally(new IllegalStateException("cannot publish the event to RabbitMQ: " + e, e));
            }
            return confirmed;
        }

        /** The open channel, opened (confirm mode, listeners, queue declared) when there is none. */
        synchronized Channel open() throws IOException {
            if (channel != null && channel.isOpen()) {
                return channel;
            }
            Channel c = connection().createChannel();
            if (c == null) {
                throw new IOException("RabbitMQ has no channel left for the event publisher");
            }
            ConcurrentNavigableMap<Long, CompletableFuture<Void>> pending = new ConcurrentSkipListMap<>();
            c.confirmSelect();
            c.addConfirmListener((tag, multiple) -> settle(pending, tag, multiple, null),
                    (tag, multiple) -> settle(pending, tag, multiple, "RabbitMQ refused the event (nack)"));
            c.addReturnListener(returned -> {
                // comes before the confirm of the same message: the future fails first, the ack is a no-op
                String id = returned.getProperties().getMessageId();
                CompletableFuture<Void> future = pending.remove(Long.parseLong(id.substring(id.lastIndexOf(':') + 1)));
                if (future != null) {
                    future.completeExceptionally(new IllegalStateException("no queue took the event ("
                            + returned.getReplyText() + "): " + queue + " is missing"));
                }
                declared = false; // declared again before the next publish
                LOG.severe("RabbitMQ could not route an event: queue " + queue + " is missing (" + returned.getReplyText()
                        + "); the charge point got a CALLERROR; declaring the queue again");
            });
            c.addShutdownListener(cause -> {
                for (CompletableFuture<Void> f : pending.values()) {
                    f.completeExceptionally(new IllegalStateException("RabbitMQ closed the channel before it confirmed the event: "
                            + cause.getMessage()));
                }
                pending.clear();
            });
            channel = c;
            channelId = idPrefix + "-" + channelGeneration.incrementAndGet();
            unconfirmed = pending;
            return c;
        }

        private void settle(ConcurrentNavigableMap<Long, CompletableFuture<Void>> pending, long tag, boolean multiple,
                            String failure) {
            Map<Long, CompletableFuture<Void>> settled = multiple ? pending.headMap(tag, true) : null;
            if (settled == null) {
                CompletableFuture<Void> f = pending.remove(tag);
                complete(f, failure);
                return;
            }
            for (Long t : settled.keySet()) {
                complete(pending.remove(t), failure);
            }
        }

        private void complete(CompletableFuture<Void> f, String failure) {
            if (f == null) {
                return;
            }
            if (failure == null) {
                f.complete(null);
            } else {
                f.completeExceptionally(new IllegalStateException(failure));
            }
        }

        private synchronized void drop() {
            Channel c = channel;
            channel = null;
            if (c != null && c.isOpen()) {
                try {
                    c.abort();
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.FINE, "aborting an event channel", e);
                }
            }
        }
    }
}
