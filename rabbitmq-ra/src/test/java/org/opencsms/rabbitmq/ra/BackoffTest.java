package org.opencsms.rabbitmq.ra;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BackoffTest {

    @Test
    void doublesPerFailedAttemptUpToTheMaximum() {
        long[] expected = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            assertEquals(expected[attempt - 1], Backoff.delayMs(attempt, 1000, 30000), "attempt " + attempt);
        }
    }

    @Test
    void neverOverflows() {
        assertEquals(30000, Backoff.delayMs(63, 1000, 30000));
        assertEquals(30000, Backoff.delayMs(Integer.MAX_VALUE, 1000, 30000));
        assertEquals(Long.MAX_VALUE / 2, Backoff.delayMs(1000, 7, Long.MAX_VALUE / 2));
    }

    @Test
    void firstAttemptAndNonsenseAttemptsUseTheInitialDelay() {
        assertEquals(250, Backoff.delayMs(1, 250, 1000));
        assertEquals(250, Backoff.delayMs(0, 250, 1000));
        assertEquals(250, Backoff.delayMs(-3, 250, 1000));
    }

    @Test
    void zeroDelayStaysZero() {
        assertEquals(0, Backoff.delayMs(5, 0, 30000));
    }

    @Test
    void settingsUseTheirOwnBounds() {
        ActivationSettings s = new ActivationSettings("q", false, null, null, 1, 1, 5, 200, 500, "dlq", false);
        assertEquals(200, s.redeliveryDelayMs(1));
        assertEquals(400, s.redeliveryDelayMs(2));
        assertEquals(500, s.redeliveryDelayMs(3));
    }
}
