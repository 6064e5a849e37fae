package org.opencsms.rabbitmq.ra;

import com.rabbitmq.client.Channel;
import com.rabbitmq.jms.client.RMQMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One CLIENT_ACKNOWLEDGE session with one consumer, and the failure policy applied to each message it
 * receives. The client calls {@link #onMessage} for one message at a time per session, so a message that
 * waits out its redelivery delay holds only its own session.
 */
final class SessionConsumer implements MessageListener {

    private static final Logger LOG = RabbitResourceAdapter.LOG;
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    private static final Method GET_CHANNEL = channelAccessor();

    private final RabbitActivation activation;
    private final Connection connection;
    private final Session session;
    private final MessageConsumer consumer;
    private final Channel channel;
    /** Timer ticks for which the channel was seen closed while the connection was open. */
    private int deadTicks;

    private SessionConsumer(RabbitActivation activation, Connection connection, Session session,
                            MessageConsumer consumer) {
        this.activation = activation;
        this.connection = connection;
        this.session = session;
        this.consumer = consumer;
        this.channel = channelOf(session);
    }

    static SessionConsumer open(RabbitActivation activation, Connection connection) throws JMSException {
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        try {
            MessageConsumer consumer = activation.createConsumer(session);
            SessionConsumer sc = new SessionConsumer(activation, connection, session, consumer);
            consumer.setMessageListener(sc);
            return sc;
        } catch (JMSException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    @Override
    public void onMessage(Message message) {
        if (!activation.isActive()) {
            // deactivating: leave it unacknowledged, closing the session hands it back to the broker
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(activation.classLoader());
        try {
            handle(message);
        } catch (Throwable unexpected) {
            // never let anything reach the client: it would close the channel
            LOG.log(Level.SEVERE, "Unexpected failure handling message " + id(message) + " from "
                    + activation.settings().describe(), unexpected);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void handle(Message message) {
        String key = DeliveryCounter.keyOf(message);
        EndpointDelivery delivery = activation.deliver(message);
        switch (delivery.outcome()) {
            case SUCCESS -> acknowledge(message, key);
            case FAILED -> failed(message, key, delivery.failure());
            case NOT_DELIVERED -> {
                if (activation.isActive()) {
                    long delay = activation.settings().redeliveryDelayMs(1);
                    LOG.log(Level.INFO, "Message " + id(message) + " from " + activation.settings().describe()
                            + " not delivered (" + delivery.failure() + "); retrying in " + delay + " ms");
                    backOffAndRedeliver(message, delay);
                }
            }
        }
    }

    private void failed(Message message, String key, Throwable failure) {
        if (!activation.isActive()) {
            return;
        }
        ActivationSettings s = activation.settings();
        int attempts = Math.max(activation.failures().recordFailure(key), deliveryCount(message));
        if (attempts >= s.maxDeliveries()) {
            if (activation.deadLetter(connection, message, failure, attempts)) {
                acknowledge(message, key);
                LOG.warning("Dead-lettered message " + id(message) + " from " + s.describe() + " to queue "
                        + s.deadLetterQueue() + " after " + attempts + " failed deliveries: "
                        + RabbitActivation.failureText(failure));
                return;
            }
            // the dead-letter queue is unreachable: keep the message, without hammering
            backOffAndRedeliver(message, s.maxRedeliveryDelayMs());
            return;
        }
        long delay = s.redeliveryDelayMs(attempts);
        LOG.info("Delivery " + attempts + " of " + s.maxDeliveries() + " of message " + id(message) + " from "
                + s.describe() + " failed (" + RabbitActivation.failureText(failure) + "); redelivering in "
                + delay + " ms");
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "Failure of message " + id(message), failure);
        }
        backOffAndRedeliver(message, delay);
    }

    private void acknowledge(Message message, String key) {
        activation.failures().forget(key);
        try {
            message.acknowledge();
        } catch (JMSException | RuntimeException e) {
            LOG.warning("Could not acknowledge message " + id(message) + " from " + activation.settings().describe()
                    + " (it will be delivered again): " + e);
        }
    }

    private void backOffAndRedeliver(Message message, long delayMs) {
        if (activation.awaitStop(delayMs)) {
            return;
        }
        try {
            if (channel != null && message instanceof RMQMessage rmq) {
                // only this message: basic.recover would also requeue the prefetched messages the client
                // still holds, which it then delivers twice and acknowledges with dead delivery tags
                channel.basicReject(rmq.getRabbitDeliveryTag(), true);
            } else {
                session.recover();
            }
        } catch (IOException | JMSException | RuntimeException e) {
            LOG.warning("Could not hand message " + id(message) + " back to the broker for redelivery "
                    + "(it comes back when its channel closes): " + e);
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 0;
        } catch (JMSException | RuntimeException e) {
            return 0;
        }
    }

    static String id(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }

    /** True when the session's channel died while its connection is up: only a new session helps then. */
    boolean channelDead(com.rabbitmq.client.Connection amqp) {
        if (channel == null || amqp == null || !amqp.isOpen()) {
            deadTicks = 0;
            return false;
        }
        deadTicks = channel.isOpen() ? 0 : deadTicks + 1;
        // two ticks in a row: right after a connection recovery the channels follow a moment later
        return deadTicks >= 2;
    }

    Channel channel() {
        return channel;
    }

    void close() {
        try {
            consumer.close();
        } catch (JMSException | RuntimeException ignored) {
            // closing the session below covers it
        }
        closeQuietly(session);
    }

    private static void closeQuietly(Session session) {
        try {
            session.close();
        } catch (JMSException | RuntimeException e) {
            LOG.log(Level.FINE, "closing session", e);
        }
    }

    /** RMQSession keeps its channel package-private; single-message reject needs it. */
    private static Method channelAccessor() {
        try {
            Method m = com.rabbitmq.jms.client.RMQSession.class.getDeclaredMethod("getChannel");
            m.setAccessible(true);
            return m;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warning("RMQSession.getChannel() is not accessible (" + e + "): failed messages are redelivered "
                    + "with Session.recover(), which can duplicate prefetched messages; use prefetch=1");
            return null;
        }
    }

    private static Channel channelOf(Session session) {
        if (GET_CHANNEL == null || !(session instanceof com.rabbitmq.jms.client.RMQSession)) {
            return null;
        }
        try {
            return (Channel) GET_CHANNEL.invoke(session);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
