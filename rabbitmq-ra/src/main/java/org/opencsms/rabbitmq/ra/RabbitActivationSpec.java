package org.opencsms.rabbitmq.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;

import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Activation properties of one message-driven bean consuming from RabbitMQ.
 *
 * <ul>
 * <li>{@code destinationName} (required): the queue or topic name as the RabbitMQ JMS client sees it.
 *     Deliberately not called {@code destination}: Open Liberty takes that name as a JNDI admin object.</li>
 * <li>{@code destinationType}: {@value #QUEUE} (default) or {@value #TOPIC}.</li>
 * <li>{@code messageSelector}: topics only (the broker filters through the {@code x-jms-topic} exchange
 *     plugin); the client cannot filter queues, so a selector on a queue is rejected.</li>
 * <li>{@code subscriptionName}: topics only. Set: a shared durable subscription of that name (also the name
 *     of the AMQP queue, so prefix it): all activations using the name compete for its messages, and the
 *     messages are kept while none is active. Not set: a shared non-durable subscription private to this
 *     activation (an exclusive AMQP queue dropped with the connection), so each activation, i.e. each
 *     server running the bean, gets every message published while it is connected.</li>
 * <li>{@code maxSessions} (5): sessions consuming in parallel, each one AMQP channel.</li>
 * <li>{@code prefetch} (5): unacknowledged messages the broker may push to each session. Kept small on
 *     purpose; unlimited prefetch is refused.</li>
 * <li>{@code maxDeliveries} (5): delivery attempts before a failing message is moved to the dead-letter
 *     queue.</li>
 * <li>{@code redeliveryDelayMs} (1000) doubling per failed attempt up to {@code maxRedeliveryDelayMs}
 *     (30000).</li>
 * <li>{@code deadLetterQueue} ({@value #DEFAULT_DEAD_LETTER_QUEUE}).</li>
 * <li>{@code messageFormat}: {@value #JMS_FORMAT} (default), messages sent by JMS clients, or
 *     {@value #AMQP_FORMAT}, queues only: plain AMQP messages published by AMQP 0-9-1 clients (a text message
 *     when the header {@code JMSType} is {@code TextMessage}, other headers become string properties).
 *     The adapter declares such a queue (durable) before it consumes, as the JMS client does for its own.</li>
 * </ul>
 *
 * Numeric properties are {@link Integer} so that their ra.xml type and setter type match on every server.
 */
public class RabbitActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;

    public static final String QUEUE = "jakarta.jms.Queue";
    public static final String TOPIC = "jakarta.jms.Topic";
    public static final String DEFAULT_DEAD_LETTER_QUEUE = "csms.deadletter";
    public static final String JMS_FORMAT = "jms";
    public static final String AMQP_FORMAT = "amqp";

    /** Channels per connection are limited (2047 by default); leave room and stay sane. */
    static final int MAX_SESSIONS_LIMIT = 500;
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_SUBSCRIPTION_NAME_LENGTH = 128;

    private String destinationName;
    private String destinationType = QUEUE;
    private String messageSelector;
    private String subscriptionName;
    private Integer maxSessions = 5;
    private Integer prefetch = 5;
    private Integer maxDeliveries = 5;
    private Integer redeliveryDelayMs = 1000;
    private Integer maxRedeliveryDelayMs = 30000;
    private String deadLetterQueue = DEFAULT_DEAD_LETTER_QUEUE;
    private String messageFormat = JMS_FORMAT;

    private transient ResourceAdapter resourceAdapter;

    @Override
    @SuppressWarnings("deprecation") // still called by Liberty and Payara; we call it ourselves too
    public void validate() throws InvalidPropertyException {
        Map<String, String> problems = problems();
        if (problems.isEmpty()) {
            return;
        }
        InvalidPropertyException e = new InvalidPropertyException(
                "Invalid RabbitMQ activation (" + destinationName + "): " + String.join("; ", problems.values()));
        List<PropertyDescriptor> descriptors = new ArrayList<>();
        for (String property : problems.keySet()) {
            try {
                descriptors.add(new PropertyDescriptor(property, RabbitActivationSpec.class));
            } catch (IntrospectionException ignored) {
                // the message names the property anyway
            }
        }
        e.setInvalidPropertyDescriptors(descriptors.toArray(PropertyDescriptor[]::new));
        throw e;
    }

    /** Property name to problem, in a stable order; empty when valid. */
    Map<String, String> problems() {
        Map<String, String> p = new LinkedHashMap<>();
        String name = blankToNull(destinationName);
        boolean queue = QUEUE.equals(destinationType);
        boolean topic = TOPIC.equals(destinationType);
        if (name == null) {
            p.put("destinationName", "destinationName is required (the queue or topic name)");
        } else if (name.length() > MAX_NAME_LENGTH) {
            p.put("destinationName", "destinationName is longer than " + MAX_NAME_LENGTH + " characters");
        } else if (queue && name.startsWith("amq.")) {
            p.put("destinationName", "destinationName must not start with 'amq.' (reserved by RabbitMQ)");
        }
        if (!queue && !topic) {
            p.put("destinationType", "destinationType must be " + QUEUE + " or " + TOPIC + ", not '" + destinationType + "'");
        }
        if (queue && blankToNull(messageSelector) != null) {
            p.put("messageSelector", "messageSelector is only supported on topics: the RabbitMQ JMS client cannot "
                    + "filter a queue (use a topic, or filter in the bean)");
        }
        String subscription = blankToNull(subscriptionName);
        if (subscription != null) {
            if (queue) {
                p.put("subscriptionName", "subscriptionName only applies to topics");
            } else if (!validSubscriptionName(subscription)) {
                p.put("subscriptionName", "subscriptionName '" + subscription + "' must be at most "
                        + MAX_SUBSCRIPTION_NAME_LENGTH + " letters, digits, '_', '.' or '-' and must not start with 'amq.'");
            }
        }
        range(p, "maxSessions", maxSessions, 1, MAX_SESSIONS_LIMIT);
        if (prefetch != null && prefetch == 0) {
            p.put("prefetch", "prefetch must be at least 1: unlimited prefetch together with redelivery causes duplicates");
        } else {
            range(p, "prefetch", prefetch, 1, 10_000);
        }
        range(p, "maxDeliveries", maxDeliveries, 1, Integer.MAX_VALUE);
        range(p, "redeliveryDelayMs", redeliveryDelayMs, 0, Integer.MAX_VALUE);
        range(p, "maxRedeliveryDelayMs", maxRedeliveryDelayMs, 0, Integer.MAX_VALUE);
        if (redeliveryDelayMs != null && maxRedeliveryDelayMs != null && maxRedeliveryDelayMs < redeliveryDelayMs) {
            p.put("maxRedeliveryDelayMs", "maxRedeliveryDelayMs (" + maxRedeliveryDelayMs
                    + ") must not be smaller than redeliveryDelayMs (" + redeliveryDelayMs + ")");
        }
        String dlq = blankToNull(deadLetterQueue);
        if (dlq == null) {
            p.put("deadLetterQueue", "deadLetterQueue is required");
        } else if (dlq.startsWith("amq.") || dlq.length() > MAX_NAME_LENGTH) {
            p.put("deadLetterQueue", "deadLetterQueue '" + dlq + "' is not a usable queue name");
        } else if (queue ? dlq.equals(name) : dlq.equals(subscription)) {
            p.put("deadLetterQueue", "deadLetterQueue must differ from the consumed queue, or failing messages would loop");
        }
        if (!JMS_FORMAT.equals(messageFormat) && !AMQP_FORMAT.equals(messageFormat)) {
            p.put("messageFormat", "messageFormat must be " + JMS_FORMAT + " or " + AMQP_FORMAT + ", not '"
                    + messageFormat + "'");
        } else if (AMQP_FORMAT.equals(messageFormat) && !queue) {
            p.put("messageFormat", "messageFormat " + AMQP_FORMAT + " only applies to queues");
        }
        return p;
    }

    /** Snapshot for the activation; call after {@link #validate()}. */
    ActivationSettings settings() {
        boolean topic = TOPIC.equals(destinationType);
        return new ActivationSettings(destinationName.trim(), topic,
                topic ? blankToNull(messageSelector) : null,
                topic ? blankToNull(subscriptionName) : null,
                maxSessions, prefetch, maxDeliveries, redeliveryDelayMs, maxRedeliveryDelayMs,
                deadLetterQueue.trim(), AMQP_FORMAT.equals(messageFormat));
    }

    private static void range(Map<String, String> p, String property, Integer value, int min, int max) {
        if (value == null) {
            p.put(property, property + " is required");
        } else if (value < min || value > max) {
            p.put(property, property + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + ", not " + value);
        }
    }

    static boolean validSubscriptionName(String name) {
        if (name.isEmpty() || name.length() > MAX_SUBSCRIPTION_NAME_LENGTH || name.startsWith("amq.")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '_' && c != '.' && c != '-' && !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    public String getDestinationName() {
        return destinationName;
    }

    public void setDestinationName(String destinationName) {
        this.destinationName = destinationName;
    }

    public String getDestinationType() {
        return destinationType;
    }

    public void setDestinationType(String destinationType) {
        this.destinationType = destinationType == null ? null : destinationType.trim();
    }

    public String getMessageSelector() {
        return messageSelector;
    }

    public void setMessageSelector(String messageSelector) {
        this.messageSelector = messageSelector;
    }

    public String getSubscriptionName() {
        return subscriptionName;
    }

    public void setSubscriptionName(String subscriptionName) {
        this.subscriptionName = subscriptionName;
    }

    public Integer getMaxSessions() {
        return maxSessions;
    }

    public void setMaxSessions(Integer maxSessions) {
        this.maxSessions = maxSessions;
    }

    public Integer getPrefetch() {
        return prefetch;
    }

    public void setPrefetch(Integer prefetch) {
        this.prefetch = prefetch;
    }

    public Integer getMaxDeliveries() {
        return maxDeliveries;
    }

    public void setMaxDeliveries(Integer maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    public Integer getRedeliveryDelayMs() {
        return redeliveryDelayMs;
    }

    public void setRedeliveryDelayMs(Integer redeliveryDelayMs) {
        this.redeliveryDelayMs = redeliveryDelayMs;
    }

    public Integer getMaxRedeliveryDelayMs() {
        return maxRedeliveryDelayMs;
    }

    public void setMaxRedeliveryDelayMs(Integer maxRedeliveryDelayMs) {
        this.maxRedeliveryDelayMs = maxRedeliveryDelayMs;
    }

    public String getDeadLetterQueue() {
        return deadLetterQueue;
    }

    public void setDeadLetterQueue(String deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    public String getMessageFormat() {
        return messageFormat;
    }

    public void setMessageFormat(String messageFormat) {
        this.messageFormat = messageFormat == null ? null : messageFormat.trim();
    }

    @Override
    public String toString() {
        return "RabbitActivationSpec[" + destinationType + " " + destinationName
                + (subscriptionName == null ? "" : ", subscription " + subscriptionName)
                + (messageSelector == null ? "" : ", selector " + messageSelector)
                + ", maxSessions " + maxSessions + ", prefetch " + prefetch + ", maxDeliveries " + maxDeliveries
                + ", redeliveryDelayMs " + redeliveryDelayMs + ".." + maxRedeliveryDelayMs
                + ", deadLetterQueue " + deadLetterQueue + ", messageFormat " + messageFormat + "]";
    }
}
