package org.opencsms.gateway.ocpp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Back-off after refused credentials, per charge point id and per client address. */
class HandshakeThrottleTest {
    private final HandshakeThrottle throttle = new HandshakeThrottle();

    private void fail(String id, String address, long now, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(id, address, now);
        }
    }

    @Test
    void anIdIsThrottledOnlyAfterItsFreeFailuresThenForOneSecond() {
        fail("CP-1", "10.0.0.1", 0, HandshakeThrottle.ID_FREE_FAILURES);
        assertFalse(throttle.throttled("CP-1", "10.0.0.1", 0), "a few typos are free");
        throttle.failed("CP-1", "10.0.0.1", 0);
        assertTrue(throttle.throttled("CP-1", "10.0.0.9", 999), "the id, from any address");
        assertFalse(throttle.throttled("CP-1", "10.0.0.9", 1000));
        assertFalse(throttle.throttled("CP-2", "10.0.0.1", 999), "another charger at the same address is not");
    }

    @Test
    void thePenaltyDoublesUpToAMinute() {
        fail("CP-1", "10.0.0.1", 0, HandshakeThrottle.ID_FREE_FAILURES + 2);
        assertTrue(throttle.throttled("CP-1", "10.0.0.2", 1999));
        assertFalse(throttle.throttled("CP-1", "10.0.0.2", 2000));
        fail("CP-1", "10.0.0.1", 0, 3);
        assertTrue(throttle.throttled("CP-1", "10.0.0.2", 15_999), "1, 2, 4, 8, 16 s");
        assertFalse(throttle.throttled("CP-1", "10.0.0.2", 16_000));
        fail("CP-1", "10.0.0.1", 0, 30);
        assertTrue(throttle.throttled("CP-1", "10.0.0.2", 59_999));
        assertFalse(throttle.throttled("CP-1", "10.0.0.2", 60_000), "never more than a minute");
    }

    @Test
    void anAddressIsThrottledAfterManyFailuresForAnyIds() {
        for (int i = 0; i < HandshakeThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("CP-" + i, "10.0.0.1", 0);
        }
        assertFalse(throttle.throttled("CP-new", "10.0.0.1", 0), "many chargers may share one address");
        throttle.failed("CP-x", "10.0.0.1", 0);
        assertTrue(throttle.throttled("CP-new", "10.0.0.1", 500));
        assertFalse(throttle.throttled("CP-new", "10.0.0.2", 500));
    }

    @Test
    void aCorrectLoginClearsTheIdAndTheAddress() {
        fail("CP-1", "10.0.0.1", 0, HandshakeThrottle.ADDRESS_FREE_FAILURES + 1);
        assertTrue(throttle.throttled("CP-1", "10.0.0.1", 0));
        throttle.succeeded("CP-1", "10.0.0.1");
        assertFalse(throttle.throttled("CP-1", "10.0.0.1", 0));
        throttle.failed("CP-1", "10.0.0.1", 0);
        assertFalse(throttle.throttled("CP-1", "10.0.0.1", 0), "counting starts over");
    }
}
