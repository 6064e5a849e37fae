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
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-1", 0), "due until done");
        once.done("CP-1", 0);
        org.junit.jupiter.api.Assertions.assertFalse(once.due("CP-1", 999), "not again within the interval");
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-2", 999), "another charger is");
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-1", 1000), "again after the interval");
        once.done("CP-2", 999);
        once.done("CP-3", 999);
        once.done("CP-4", 999);
        org.junit.jupiter.api.Assertions.assertTrue(once.due("CP-1", 999), "beyond the bound it forgets");
    }

    @Test
    void aLogBudgetWritesUpToItsRateAndCountsTheRest() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("test.budget");
        java.util.List<String> lines = new java.util.ArrayList<>();
        log.setUseParentHandlers(false);
        log.addHandler(new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        org.opencsms.gateway.platform.LogBudget budget = new org.opencsms.gateway.platform.LogBudget(
                log, java.util.logging.Level.INFO, "things", 0.001, 3);
        int logged = 0;
        for (int i = 0; i < 10; i++) {
            logged += budget.log(() -> "line") ? 1 : 0;
        }
        assertEquals(3, logged, "the burst, then (at 0.001/s) nothing");
        assertEquals(3, lines.size());
        budget.summary();
        assertEquals("7 more things not logged one by one (more than 0 per second)", lines.get(3));
        budget.summary();
        assertEquals(4, lines.size(), "nothing more to sum up");
    }
}
