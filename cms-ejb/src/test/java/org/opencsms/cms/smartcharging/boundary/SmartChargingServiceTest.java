package org.opencsms.cms.smartcharging.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.CompositeScheduleView;
import org.opencsms.api.cms.SchedulePeriodView;
import org.opencsms.api.cms.ScheduleView;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.CommandResult.Outcome;

/** How the charge point's answers are read: the status that decides the records, the typed composite schedule. */
class SmartChargingServiceTest {

    private static CommandResult result(String payload) {
        return new CommandResult(Outcome.RESULT, payload, null, null, null);
    }

    @Test
    void theStatusOfACallResultAndNoneOtherwise() {
        assertEquals("Accepted", SmartChargingService.status(new SentCommand(1, result("{\"status\":\"Accepted\"}"))));
        assertNull(SmartChargingService.status(new SentCommand(1, CommandResult.of(Outcome.TIMEOUT, "late"))));
    }

    @Test
    void theCompositeScheduleIsTyped() {
        CompositeScheduleView view = SmartChargingService.schedule(result("""
                {"status":"Accepted","connectorId":1,"scheduleStart":"2030-01-01T00:00:00Z",
                 "chargingSchedule":{"duration":600,"chargingRateUnit":"W",
                   "chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0,"numberPhases":3},{"startPeriod":300,"limit":7400.0}]}}"""));
        assertEquals(new CompositeScheduleView("Accepted", 1, Instant.parse("2030-01-01T00:00:00Z"),
                new ScheduleView(600, null, "W", List.of(new SchedulePeriodView(0, new BigDecimal("11000.0"), 3),
                        new SchedulePeriodView(300, new BigDecimal("7400.0"), null)), null)), view);
        assertEquals(new CompositeScheduleView("Rejected", null, null, null),
                SmartChargingService.schedule(result("{\"status\":\"Rejected\"}")));
        assertNull(SmartChargingService.schedule(CommandResult.of(Outcome.CALL_ERROR, "no")));
    }
}
