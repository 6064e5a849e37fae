package org.opencsms.messaging.jms;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * One long-lived connection (every createConnection on RabbitMQ is a new TCP connection) and a pool
 * of sessions with their producers; a session is one AMQP channel and is used by one thread at a
 * time. Persistent messages are sent asynchronously, which turns on publisher confirms, and
 * awaited: the send returns once the broker confirmed.
 */
final class PooledJmsSender extends JmsSender {
    private static final Logger LOG = Logger.getLogger(PooledJmsSender.class.getName());
    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private record Channel(Session session, MessageProducer producer, Connection owner) {
    }

    private final ConnectionFactory factory;
    private final int size;
    private final BlockingQueue<Channel> idle;
    private final AtomicInteger open = new AtomicInteger();
    private Connection connection;

    PooledJmsSender(ConnectionFactory factory, int size) {
        this.factory = factory;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * A persistent message is handed to the broker and the session goes back to the pool at once;
     * the future completes with the broker's confirm, on the client's thread. No thread waits.
     */
    @Override
    public CompletableFuture<Void> sendAsync(Destination destination, String body, Map<String, String> properties,
                                             Options options) {
        if (options.deliveryMode() != DeliveryMode.PERSISTENT) {
            return null;
        }
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        Channel channel = borrow();
        boolean healthy = false;
        try {
            TextMessage message = message(channel, body, properties, options);
            channel.producer().send(destination, message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                    options.timeToLive(), completing(confirmed));
            healthy = true;
        } catch (JMSException | RuntimeException e) {
            confirmed.completeExceptionally(new JMSRuntimeException("send to " + destination + " failed: " + e, null, e));
        } finally {
            giveBack(channel, healthy);
        }
        return confirmed.orTimeout(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    /** Completes the future with the broker's confirm of an asynchronous send. */
    private static CompletionListener completing(CompletableFuture<Void> confirmed) {
        return new CompletionListener() {
            @Override
            public void onCompletion(Message m) {
                confirmed.complete(null);
            }

            @Override
            public void onException(Message m, Exception e) {
                confirmed.completeExceptionally(e);
            }
        };
    }

    private static TextMessage message(Channel channel, String body, Map<String, String> properties, Options options)
            throws JMSException {
        TextMessage message = channel.session().createTextMessage(body);
        for (Map.Entry<String, String> p : properties.entrySet()) {
            message.setStringProperty(p.getKey(), p.getValue());
        }
        if (options.correlationId() != null) {
            message.setJMSCorrelationID(options.correlationId());
        }
        if (options.replyTo() != null) {
            message.setJMSReplyTo(options.replyTo());
        }
        return message;
    }

    @Override
    public void send(Destination destination, String body, Map<String, String> properties, Options options) {
        Channel channel = borrow();
        boolean healthy = false;
        try {
            TextMessage message = message(channel, body, properties, options);
            if (options.deliveryMode() == DeliveryMode.PERSISTENT) {
                CompletableFuture<Void> confirmed = new CompletableFuture<>();
                channel.producer().send(destination, message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                        options.timeToLive(), completing(confirmed));
                confirmed.get(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } else {
                channel.producer().send(destination, message, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY,
                        options.timeToLive());
            }
            healthy = true;
        } catch (JMSException | ExecutionException | TimeoutException e) {
            throw new JMSRuntimeException("send to " + destination + " failed: " + e, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSRuntimeException("interrupted while waiting for the broker's confirm");
        } finally {
            giveBack(channel, healthy);
        }
    }

    private Channel borrow() {
        Channel channel = idle.poll();
        if (channel != null) {
            return channel;
        }
        if (open.incrementAndGet() <= size) {
            try {
                return create();
            } catch (JMSException | RuntimeException e) {
                open.decrementAndGet();
                throw new JMSRuntimeException("cannot open a session: " + e, null, e);
            }
        }
        open.decrementAndGet();
        try {
            channel = idle.poll(CONFIRM_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (channel == null) {
            throw new JMSRuntimeException("no session free within " + CONFIRM_TIMEOUT_MS + " ms");
        }
        return channel;
    }

    private Channel create() throws JMSException {
        Connection c = connection();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        return new Channel(session, session.createProducer(null), c);
    }

    private synchronized Connection connection() throws JMSException {
        if (connection == null) {
            connection = factory.createConnection();
            connection.setExceptionListener(e -> {
                LOG.log(Level.WARNING, "Broker connection failed; the client recovers it", e);
            });
        }
        return connection;
    }

    private void giveBack(Channel channel, boolean healthy) {
        if (healthy && idle.offer(channel)) {
            return;
        }
        open.decrementAndGet();
        try {
            channel.session().close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a broken session", e);
        }
        if (!healthy) {
            resetIfBroken(channel.owner());
        }
    }

    /** A failed send may mean a dead connection: the next session opens a new one. */
    private synchronized void resetIfBroken(Connection owner) {
        if (owner != connection) {
            return;
        }
        try {
            owner.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
        } catch (JMSException | RuntimeException e) {
            LOG.warning("Broker connection unusable, opening a new one: " + e);
            try {
                owner.close();
            } catch (JMSException | RuntimeException ignored) {
                // already dead
            }
            connection = null;
            java.util.List<Channel> stale = new java.util.ArrayList<>();
            idle.drainTo(stale);
            open.addAndGet(-stale.size());
        }
    }

    @Override
    public synchronized void close() {
        open.addAndGet(-idle.size());
        idle.clear();
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.log(Level.FINE, "close", e);
            }
            connection = null;
        }
    }
}
