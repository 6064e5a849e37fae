package org.opencsms.gateway.session;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ChargePointConnectionTest {
    @Test
    void aWriteRefusedBecauseAnotherIsInProgressIsRecognised() {
        // Liberty's text, seen when a frame followed the previous one's completion handler
        assertTrue(ChargePointConnection.busy(new IOException(
                "write not allowed.  Most likely cause is that another Write or Close is in progress")));
        // Tomcat's (and so Payara's) state names
        assertTrue(ChargePointConnection.busy(new IllegalStateException(
                "The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state for called method")));
        assertTrue(ChargePointConnection.busy(new RuntimeException(new IOException("write not allowed"))));
    }

    @Test
    void otherWriteFailuresAreNot() {
        assertFalse(ChargePointConnection.busy(new IOException("Broken pipe")));
        assertFalse(ChargePointConnection.busy(new IllegalStateException("The WebSocket session has been closed")));
        assertFalse(ChargePointConnection.busy(null));
    }
}
