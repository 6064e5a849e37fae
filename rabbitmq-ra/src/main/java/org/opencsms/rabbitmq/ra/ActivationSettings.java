package org.opencsms.rabbitmq.ra;

/**
 * Immutable copy of a validated {@link RabbitActivationSpec}: the spec is a mutable JavaBean owned by the
 * server, while the activation reads these values from many threads.
 */
record ActivationSettings(String destinationName,
                          boolean topic,
                          String messageSelector,
                          String subscriptionName,
                          int maxSessions,
                          int prefetch,
                          int maxDeliveries,
                          long redeliveryDelayMs,
                          long maxRedeliveryDelayMs,
                          String deadLetterQueue,
                          boolean amqpMessages) {

    long redeliveryDelayMs(int failedAttempts) {
        return Backoff.delayMs(failedAttempts, redeliveryDelayMs, maxRedeliveryDelayMs);
    }

    String describe() {
        StringBuilder sb = new StringBuilder(topic ? "topic " : amqpMessages ? "AMQP queue " : "queue ")
                .append(destinationName);
        if (subscriptionName != null) {
            sb.append(" (subscription ").append(subscriptionName).append(')');
        }
        if (messageSelector != null) {
            sb.append(" [selector ").append(messageSelector).append(']');
        }
        return sb.toString();
    }
}
