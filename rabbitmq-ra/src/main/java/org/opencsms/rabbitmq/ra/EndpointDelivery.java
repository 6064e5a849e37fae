package org.opencsms.rabbitmq.ra;

import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;

import java.lang.reflect.Method;

/**
 * One delivery of one message to a fresh endpoint, run as WorkManager work: servers expect endpoints to
 * be created and called on threads they manage, not on the client's threads.
 */
final class EndpointDelivery implements Work {

    enum Outcome {
        /** The endpoint returned normally (afterDelivery included): acknowledge. */
        SUCCESS,
        /** The bean threw, or afterDelivery failed (e.g. the transaction rolled back): counts as an attempt. */
        FAILED,
        /** The bean was never called (endpoint unavailable, work rejected, beforeDelivery failed). */
        NOT_DELIVERED
    }

    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MessageEndpointFactory factory;
    private final Message message;
    private volatile Outcome outcome = Outcome.NOT_DELIVERED;
    private volatile Throwable failure;

    EndpointDelivery(MessageEndpointFactory factory, Message message) {
        this.factory = factory;
        this.message = message;
    }

    @Override
    public void run() {
        MessageEndpoint endpoint;
        try {
            endpoint = factory.createEndpoint(null);
        } catch (UnavailableException e) {
            notDelivered(e);
            return;
        } catch (Throwable t) {
            notDelivered(t);
            return;
        }
        try {
            try {
                endpoint.beforeDelivery(ON_MESSAGE);
            } catch (Throwable t) {
                // no afterDelivery without a successful beforeDelivery
                notDelivered(t);
                return;
            }
            Throwable thrown = null;
            try {
                ((MessageListener) endpoint).onMessage(message);
            } catch (Throwable t) {
                thrown = t;
            }
            try {
                endpoint.afterDelivery();
            } catch (Throwable t) {
                if (thrown == null) {
                    thrown = t;
                } else {
                    thrown.addSuppressed(t);
                }
            }
            failure = thrown;
            outcome = thrown == null ? Outcome.SUCCESS : Outcome.FAILED;
        } finally {
            try {
                endpoint.release();
            } catch (Throwable t) {
                RabbitResourceAdapter.LOG.log(java.util.logging.Level.FINE, "MessageEndpoint.release() failed", t);
            }
        }
    }

    void notDelivered(Throwable cause) {
        outcome = Outcome.NOT_DELIVERED;
        failure = cause;
    }

    Outcome outcome() {
        return outcome;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void release() {
        // a delivery is short and is not interrupted: the session waits for it anyway
    }
}
