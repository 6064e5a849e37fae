package org.opencsms.rabbitmq.ra;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed delivery attempts per message, in memory, for brokers that do not count deliveries (classic
 * queues give no {@code x-delivery-count}, and the client then reports JMSXDeliveryCount as 2 for every
 * redelivery). Bounded, oldest entries evicted first: an entry whose message went to another node and
 * never came back must not stay forever.
 */
final class DeliveryCounter {

    private final int capacity;
    private final Map<String, Integer> failures;

    DeliveryCounter(int capacity) {
        this.capacity = capacity;
        this.failures = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > DeliveryCounter.this.capacity;
            }
        };
    }

    /** Records one more failed attempt and returns the number of failures recorded so far. */
    synchronized int recordFailure(String key) {
        return failures.merge(key, 1, Integer::sum);
    }

    synchronized int failures(String key) {
        return failures.getOrDefault(key, 0);
    }

    synchronized void forget(String key) {
        failures.remove(key);
    }

    synchronized int size() {
        return failures.size();
    }

    /**
     * Identity of a message across redeliveries: its JMSMessageID; failing that its correlation id, and
     * failing that a digest of its body.
     */
    static String keyOf(Message message) {
        try {
            String id = message.getJMSMessageID();
            if (id != null && !id.isEmpty()) {
                return id;
            }
            String correlation = message.getJMSCorrelationID();
            if (correlation != null && !correlation.isEmpty()) {
                return "correlation:" + correlation;
            }
            return "body:" + bodyDigest(message);
        } catch (JMSException e) {
            return "unreadable:" + e;
        }
    }

    private static String bodyDigest(Message message) throws JMSException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update(String.valueOf(message.getJMSTimestamp()).getBytes(StandardCharsets.US_ASCII));
        if (message instanceof TextMessage text && text.getText() != null) {
            digest.update(text.getText().getBytes(StandardCharsets.UTF_8));
        } else if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.reset();
            bytes.readBytes(body);
            bytes.reset();
            digest.update(body);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
