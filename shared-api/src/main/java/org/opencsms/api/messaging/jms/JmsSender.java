package org.opencsms.api.messaging.jms;

import java.util.Map;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;

import org.opencsms.api.config.Setting;

/**
 * Sends messages. {@link #send} returns once the broker has the message when it is persistent (a
 * publisher confirm on RabbitMQ, the synchronous send of the embedded engine), so a charger may be
 * answered right after.
 */
public abstract class JmsSender {
    private static JmsSender shared;

    /** Delivery settings of one message. */
    public record Options(int deliveryMode, long timeToLive, String correlationId, Destination replyTo) {
    }

    public abstract void send(Destination destination, String body, Map<String, String> properties, Options options);

    /**
     * The node's sender: with CSMS_MESSAGING=rabbitmq one long-lived connection and a pool of
     * sessions; otherwise the server's own pooled connection factory (a JMS context per send).
     */
    public static synchronized JmsSender shared(ConnectionFactory factory) {
        if (shared == null) {
            shared = "rabbitmq".equalsIgnoreCase(Setting.server("messaging", "CSMS_MESSAGING", "embedded"))
                    ? new PooledJmsSender(factory, Setting.positiveInt("CSMS_JMS_SESSIONS", 16))
                    : new ContextJmsSender(factory);
        }
        return shared;
    }

    /** Closes the shared sender, if any (application shutdown). */
    public static synchronized void closeShared() {
        if (shared instanceof PooledJmsSender pooled) {
            pooled.close();
        }
        shared = null;
    }

    /** The embedded engine's managed factory pools connections itself. */
    static final class ContextJmsSender extends JmsSender {
        private final ConnectionFactory factory;

        ContextJmsSender(ConnectionFactory factory) {
            this.factory = factory;
        }

        @Override
        public void send(Destination destination, String body, Map<String, String> properties, Options options) {
            try (JMSContext jms = factory.createContext()) {
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
            }
        }
    }
}
