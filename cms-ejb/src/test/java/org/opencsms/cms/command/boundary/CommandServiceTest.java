package org.opencsms.cms.command.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.CmsException;

/** What the command operation refuses before it records anything, and how replies find their command. */
class CommandServiceTest {

    @Test
    void aCommandOfTheVersionWithAValidPayloadPasses() {
        assertDoesNotThrow(() -> CommandService.validate("ocpp1.6", "Reset", "{\"type\":\"Soft\"}"));
        assertDoesNotThrow(() -> CommandService.validate("ocpp1.6", "ClearCache", "{}"));
    }

    @Test
    void anUnknownActionOrOneTheChargePointSendsItselfIsInvalid() {
        CmsException unknown = assertThrows(CmsException.class,
                () -> CommandService.validate("ocpp1.6", "FlyToTheMoon", "{}"));
        assertEquals(CmsException.Reason.INVALID, unknown.kind());
        assertTrue(unknown.getMessage().contains("unknown command FlyToTheMoon"), unknown.getMessage());
        // BootNotification goes from the charge point to us: no command
        assertEquals(CmsException.Reason.INVALID, assertThrows(CmsException.class,
                () -> CommandService.validate("ocpp1.6", "BootNotification", "{}")).kind());
    }

    @Test
    void aPayloadOffTheSchemaIsInvalidWithItsViolations() {
        CmsException e = assertThrows(CmsException.class,
                () -> CommandService.validate("ocpp1.6", "Reset", "{\"type\":\"Sideways\"}"));
        assertEquals(CmsException.Reason.INVALID, e.kind());
        assertEquals("invalid Reset payload", e.getMessage());
        assertFalse(e.violations().isEmpty());
        assertTrue(e.violations().get(0).contains("type"), e.violations().toString());

        CmsException missing = assertThrows(CmsException.class,
                () -> CommandService.validate("ocpp1.6", "Reset", "{}"));
        assertFalse(missing.violations().isEmpty(), "a required field missing is a violation");

        assertEquals(CmsException.Reason.INVALID, assertThrows(CmsException.class,
                () -> CommandService.validate("ocpp1.6", "Reset", "[1]")).kind());
    }

    @Test
    void aReplyFindsItsCommandByTheCorrelationIdAndNothingElseDoes() {
        assertEquals(42, CommandService.commandId(CommandService.correlationId(42)));
        assertEquals(-1, CommandService.commandId(null));
        assertEquals(-1, CommandService.commandId("node-1-abc-7"));
        assertEquals(-1, CommandService.commandId("command-x"));
    }
}
