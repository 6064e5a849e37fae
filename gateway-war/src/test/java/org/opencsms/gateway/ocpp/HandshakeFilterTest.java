package org.opencsms.gateway.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class HandshakeFilterTest {
    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void passwordOfTheChargePointsOwnUser() {
        assertEquals("secret:with:colons", HandshakeFilter.basicPassword(basic("CP-1:secret:with:colons"), "CP-1"));
        assertEquals("pw", HandshakeFilter.basicPassword(basic("a:b:pw"), "a:b"), "ids may contain ':'");
        assertEquals("pw", HandshakeFilter.basicPassword("basic " + basic("CP-1:pw").substring(6), "CP-1"));
    }

    @Test
    void noPasswordForOtherUsersOrBrokenHeaders() {
        assertNull(HandshakeFilter.basicPassword(null, "CP-1"));
        assertNull(HandshakeFilter.basicPassword(basic("CP-2:pw"), "CP-1"));
        assertNull(HandshakeFilter.basicPassword(basic("CP-1"), "CP-1"));
        assertNull(HandshakeFilter.basicPassword("Basic !!!not-base64", "CP-1"));
        assertNull(HandshakeFilter.basicPassword("Bearer abc", "CP-1"));
    }

    @Test
    void theProfile0WarningIsDueOncePerChargerAndInterval() {
        HandshakeFilter.OncePer once = new HandshakeFilter.OncePer(1000, 3);
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-1", 0));
        org.junit.jupiter.api.Assertions.assertFalse(once.due("CP-1", 999), "not again within the interval");
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-2", 999), "another charger is");
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-1", 1000), "again after the interval");
        once.due("CP-3", 1000);
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-4", 1000), "beyond the bound it forgets");
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-1", 1001), "forgotten, so warned again");
    }
}
