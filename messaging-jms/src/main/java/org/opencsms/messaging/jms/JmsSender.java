package org.opencsms.messaging.jms;

import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;


/**
 * Sends messages. {@link #send} returns once the broker has the message when it is persistent (a
 * publisher confirm on RabbitMQ, the synchronous send of the embedded engine), so a charge point may be
 * answered right after.
 */
public abstract class JmsSender implements AutoCloseable {

    /** Delivery settings of one message. */
    public record Options(int deliveryMode, long timeToLive, String correlationId, Destination replyTo) {
    }

    public abstract void send(Destination destination, String body, Map<String, String> properties, Options options);

    /**
     * Sends without waiting where the broker acknowledges asynchronously (RabbitMQ's publisher
     * confirms): the future completes when the broker has the message. Null where a send can only
     * wait (the embedded engine): the caller then sends from a thread that may wait.
     */
    public java.util.concurrent.CompletableFuture<Void> sendAsync(Destination destination, String body,
                                                                Map<String, String> properties, Options options) {
        return null;
    }

    /** Closes the connections and sessions this sender holds. */
    @Override
    public abstract void close();

    /**
     * A sender for one deployable, which owns it and closes it when it stops: for RabbitMQ one
     * long-lived connection and a pool of sessions; otherwise a pool of long-lived contexts of the
     * server's factory. {@code sessions} at most: a persistent send holds one until the broker has the
     * message.
     */
    public static JmsSender create(ConnectionFactory factory, int sessions, boolean rabbitmq) {
        return rabbitmq ? new PooledJmsSender(factory, sessions) : new ContextJmsSender(factory, sessions);
    }

    /**
     * The embedded engine: a pool of long-lived JMS contexts (each one connection and one session of
     * the server's managed factory), so that a send neither opens nor waits for a context: opening one
     * per send cost most of the gateway's CPU and, with persistent sends waiting for the engine's log,
     * exhausted the factory's connection pool under load. A synchronous persistent send returns once
     * the engine has hardened the message.
     */
    static final class ContextJmsSender extends JmsSender {
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ContextJmsSender.class.getName());
        private static final long WAIT_MS = 10_000;

        private final ConnectionFactory factory;
        private final int size;
        private final java.util.concurrent.BlockingQueue<JMSContext> idle;
        private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

        ContextJmsSender(ConnectionFactory factory, int size) {
            this.factory = factory;
            this.size = size;
            this.idle = new java.util.concurrent.ArrayBlockingQueue<>(size);
        }

        @Override
        public void send(Destination destination, String body, Map<String, String> properties, Options options) {
            JMSContext jms = borrow();
            boolean healthy = false;
            try {
                JMSProducer producer = jms.createProducer()
                        .setDeliveryMode(options.deliveryMode())
                        .setTimeToLive(options.timeToLive());
                if (options.correlationId() != null) {
                    producer.setJMSCorrelationID(options.correlationId());
                }
                if (options.replyTo() != null) {
                    producer.setJMSReplyTo(options.replyTo());
                }
                properties.forEach(producer::setProperty);
                producer.send(destination, body);
                healthy = true;
            } finally {
                if (healthy && idle.offer(jms)) {
                    // back in the pool
                } else {
                    open.decrementAndGet();
                    try {
                        jms.close();
                    } catch (RuntimeException e) {
                        LOG.log(java.util.logging.Level.FINE, "closing a JMS context", e);
                    }
                }
            }
        }

        private JMSContext borrow() {
            JMSContext jms = idle.poll();
            if (jms != null) {
                return jms;
            }
            if (open.incrementAndGet() <= size) {
                try {
                    return factory.createContext();
                } catch (RuntimeException e) {
                    open.decrementAndGet();
                    throw e;
                }
            }
            open.decrementAndGet();
            try {
                jms = idle.poll(WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (jms == null) {
                throw new jakarta.jms.JMSRuntimeException("no JMS context free within " + WAIT_MS + " ms");
            }
            return jms;
        }

        @Override
        public void close() {
            java.util.List<JMSContext> all = new java.util.ArrayList<>();
            idle.drainTo(all);
            open.addAndGet(-all.size());
            for (JMSContext jms : all) {
                try {
                    jms.close();
                } catch (RuntimeException e) {
                    LOG.log(java.util.logging.Level.FINE, "closing a JMS context", e);
                }
            }
        }
    }
}
