package org.opencsms.cms.messaging;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.api.text.LogText;
import org.opencsms.cms.deadletter.boundary.DeadLetters;
import org.opencsms.cms.platform.CmsMetrics;

/**
 * Stores charge point events. The charge point was answered once the broker had the event, so an event is never
 * dropped. Failure policy:
 * <ul>
 * <li>a passing failure (database or broker unavailable, lock timeout, deadlock) is rethrown: the broker
 *     redelivers the event, with growing delays up to 5 s (embedded) or 30 s (RabbitMQ), for as long as
 *     it takes; while the database cannot be reached at all, storing pauses on this node and only one
 *     event every two seconds tries ({@link StorageGate});</li>
 * <li>a failure that will happen again with the same event (unreadable body, a value the database
 *     refuses), or an unknown one that happened {@value #UNKNOWN_FAILURES_BEFORE_KEEPING} times, keeps
 *     the event in the dead-letter store ({@code /api/dead-letters}) and acknowledges it; when the store
 *     cannot take it either (the database is down), the failure is rethrown and the event stays with the
 *     broker.</li>
 * </ul>
 * Every operation is idempotent, so an event redelivered after it was stored is applied once.
 */
// the destination is bound by the server configuration (destinationRef on the embedded engine,
// destinationName with RabbitMQ): a JNDI lookup here would tie the bean to one provider
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventListener implements MessageListener {
    private static final Logger LOG = Logger.getLogger(EventListener.class.getName());
    static final int UNKNOWN_FAILURES_BEFORE_KEEPING = 5;
    /** While the database cannot be reached, storing pauses on this node (see {@link StorageGate}). */
    private static final StorageGate GATE = new StorageGate(System::currentTimeMillis);
    /**
     * How long a delivery waits for a paused storing to resume (it goes on at once when it does) before it
     * goes back to the broker: each return costs the container's error lines, so not every probe interval.
     */
    private static final long PAUSED_WAIT_MS = 10_000;

    @Inject
    EventDispatcher events;
    @Inject
    CmsMetrics metrics;
    @EJB
    DeadLetters deadLetters;

    /**
     * Failed deliveries per message on this node: RabbitMQ's classic queues do not count deliveries (the
     * client reports 2 for every redelivery), so the listener counts them itself. Bounded.
     */
    private static final java.util.Map<String, Integer> FAILURES = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Integer> eldest) {
                    return size() > 10_000;
                }
            });

    @Override
    public void onMessage(Message message) {
        String type;
        String body;
        String chargePointId;
        int delivery;
        try {
            type = message.getStringProperty(MessageProperties.TYPE);
            body = ((TextMessage) message).getText();
            chargePointId = message.getStringProperty(MessageProperties.CHARGE_POINT_ID);
            delivery = message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            throw new JMSRuntimeException("unreadable event: " + e.getMessage(), e.getErrorCode(), e);
        } catch (ClassCastException e) {
            LOG.warning(() -> "An event that is no text message was dropped: " + message);
            return;
        }
        String messageId = messageId(message);
        try {
            if (!GATE.awaitPass(PAUSED_WAIT_MS)) {
                throw new StorageGate.Paused();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageGate.Paused();
        }
        try {
            events.handle(type, chargePointId, body, messageId);
            GATE.reachable();
            metrics.eventStored(type, publishedAt(message));
            FAILURES.remove(messageId);
        } catch (RuntimeException e) {
            metrics.eventFailed();
            if (Failures.databaseUnreachable(e)) {
                GATE.unreachable(e);
                LOG.fine(() -> "Event " + LogText.quote(type) + " of " + LogText.quote(chargePointId)
                        + " not stored, the database cannot be reached; to be redelivered");
                throw e;
            }
            GATE.reachable();
            int failures = FAILURES.merge(messageId, 1, Integer::sum);
            int attempt = Math.max(delivery, failures);
            Failures.Nature kind = Failures.of(e);
            if (kind == Failures.Nature.TRANSIENT
                    || (kind == Failures.Nature.UNKNOWN && attempt < UNKNOWN_FAILURES_BEFORE_KEEPING)) {
                LOG.warning(() -> "Event " + LogText.quote(type) + " of " + LogText.quote(chargePointId) + " failed ("
                        + "attempt " + attempt + (kind == Failures.Nature.TRANSIENT ? ", passing failure" : "")
                        + "), to be redelivered: " + LogText.quote(String.valueOf(e)));
                throw e;
            }
            keep(type, chargePointId, body, e, attempt);
            FAILURES.remove(messageId);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }

    private static long publishedAt(Message message) {
        try {
            return millis(message.getJMSTimestamp());
        } catch (JMSException e) {
            return 0;
        }
    }

    /**
     * The publish time in ms: events published as plain AMQP messages carry AMQP's timestamp, which is
     * in seconds, and the RabbitMQ JMS client hands it on unconverted (the backlog age read 56 years).
     */
    static long millis(long timestamp) {
        return timestamp > 0 && timestamp < 100_000_000_000L ? timestamp * 1000 : timestamp;
    }

    /** Into the dead-letter store, then acknowledged; if the store cannot take it, it stays with the broker. */
    private void keep(String type, String chargePointId, String body, RuntimeException failure, int delivery) {
        long id;
        try {
            id = deadLetters.keep(type, chargePointId, body, String.valueOf(failure), delivery);
        } catch (RuntimeException storeFailed) {
            LOG.log(Level.WARNING, "Event " + LogText.quote(type) + " of " + LogText.quote(chargePointId)
                    + " cannot be stored nor kept as a dead letter now; it stays with the broker", storeFailed);
            throw failure;
        }
        LOG.severe(() -> "Event " + LogText.quote(type) + " of " + LogText.quote(chargePointId) + " cannot be stored ("
                + LogText.quote(String.valueOf(failure)) + "): kept as dead letter " + id
                + "; see GET /api/dead-letters, replay with POST /api/dead-letters/" + id + "/replay");
    }
}
