package org.opencsms.rabbitmq.ra;

/** Redelivery delay: {@code initial * 2^(attempt-1)}, capped at {@code max}. */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param failedAttempts how many deliveries of the message have failed so far (1 after the first)
     * @return the delay before the broker is asked to redeliver, in milliseconds
     */
    static long delayMs(int failedAttempts, long initialMs, long maxMs) {
        if (initialMs <= 0 || maxMs <= 0) {
            return Math.max(0, Math.min(initialMs, maxMs));
        }
        int doublings = Math.max(0, failedAttempts - 1);
        // shifting past 62 bits overflows; by then any sane maximum is reached anyway
        if (doublings >= 62 || initialMs > (maxMs >> doublings)) {
            return maxMs;
        }
        return Math.min(maxMs, initialMs << doublings);
    }
}
