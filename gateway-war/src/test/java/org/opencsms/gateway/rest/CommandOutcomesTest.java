package org.opencsms.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.opencsms.api.messaging.CommandResult.Outcome;

class CommandOutcomesTest {

    @Test
    void everyOutcomeHasTheStatusTheCommandEndpointGivesIt() {
        assertEquals(200, CommandOutcomes.status(Outcome.RESULT.name()));
        assertEquals(502, CommandOutcomes.status(Outcome.CALL_ERROR.name()));
        assertEquals(502, CommandOutcomes.status(Outcome.INVALID_RESPONSE.name()));
        assertEquals(504, CommandOutcomes.status(Outcome.TIMEOUT.name()));
        assertEquals(409, CommandOutcomes.status(Outcome.NOT_CONNECTED.name()));
        assertEquals(202, CommandOutcomes.status(null));
    }
}
