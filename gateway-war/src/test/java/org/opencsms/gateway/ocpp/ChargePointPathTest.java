package org.opencsms.gateway.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

class ChargePointPathTest {

    @ParameterizedTest
    @CsvSource({
            "/ocpp/CP-1, CP-1",
            "/ocpp/CP%2D1, CP-1",
            "/ocpp/a+b, a+b",
            "/ocpp/A*b|c@d.e=f:g_h, A*b|c@d.e=f:g_h",
            "/ocpp/CP-1/, CP-1"})
    void validIdentities(String path, String id) {
        ChargePointPath.Identity identity = ChargePointPath.read(path);
        assertTrue(identity.valid(), identity.problem());
        assertEquals(id, identity.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ocpp/", "/ocpp/a%20b", "/ocpp/caf%C3%A9", "/ocpp/%zz", "/ocpp/CP1/CP1", "/other/CP1",
            "/ocpp/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void invalidIdentities(String path) {
        assertFalse(ChargePointPath.read(path).valid());
    }

    @Test
    void doubledIdIsNamedInTheProblem() {
        ChargePointPath.Identity identity = ChargePointPath.read("/ocpp/CP1/CP1");
        assertNull(identity.id());
        assertTrue(identity.problem().contains("doubled id"));
    }

    @Test
    void logTextIsQuotedAndEscaped() {
        assertEquals("'a\\u000ab\\u0027'", ChargePointPath.forLog("a\nb'"));
        assertEquals("null", ChargePointPath.forLog(null));
        assertTrue(ChargePointPath.forLog("x".repeat(300)).endsWith("...'"));
    }
}
