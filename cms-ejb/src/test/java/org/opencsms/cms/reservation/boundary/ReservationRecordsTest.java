package org.opencsms.cms.reservation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.time.Instant;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ReservationView;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.CommandResult.Outcome;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.v16.ReserveNowRequest;
import org.opencsms.ocpp.v16.V16;

/** What the end of a ReserveNow or CancelReservation means for a reservation, and the payload sent. */
class ReservationRecordsTest {

    @Test
    void theChargePointsAnswerIsTheStatus() {
        for (String status : new String[] {"Accepted", "Faulted", "Occupied", "Rejected", "Unavailable"}) {
            ReservationRecords.Outcome o = ReservationRecords.outcome(
                    new CommandResult(Outcome.RESULT, "{\"status\":\"" + status + "\"}", null, null, null));
            assertEquals(status, o.status());
            assertNull(o.note());
        }
    }

    @Test
    void aCallErrorOrAnAnswerOffTheSchemaIsAnErrorWithItsCode() {
        ReservationRecords.Outcome o = ReservationRecords.outcome(
                new CommandResult(Outcome.CALL_ERROR, null, "NotSupported", "no reservations here", "{}"));
        assertEquals("Error", o.status());
        assertEquals("NotSupported: no reservations here", o.note());
        assertEquals("Error", ReservationRecords.outcome(new CommandResult(Outcome.INVALID_RESPONSE, null,
                "PropertyConstraintViolation", "status: Maybe", null)).status());
        assertEquals("Error", ReservationRecords.outcome(
                new CommandResult(Outcome.RESULT, "{}", null, null, null)).status(), "no status in the answer");
    }

    @Test
    void noAnswerAndNotConnectedAreTheirOwnStatuses() {
        ReservationRecords.Outcome timeout = ReservationRecords.outcome(CommandResult.of(Outcome.TIMEOUT, "no answer in 5 s"));
        assertEquals("NoAnswer", timeout.status());
        assertEquals("no answer in 5 s", timeout.note());
        assertEquals("NotConnected", ReservationRecords.outcome(CommandResult.of(Outcome.NOT_CONNECTED, "gone")).status());
    }

    @Test
    void theReserveNowPayloadIsValidOcppWithTheAssignedId() throws Exception {
        Instant expiry = Instant.parse("2030-01-01T10:00:00.123456Z");
        ReservationView r = new ReservationView(77, "CP1", 2, "TAG-1", "GROUP", expiry, "Pending", expiry, "admin",
                expiry, null, null, null, null, null, null);
        String payload = ReservationService.reserveNow(r);
        ReserveNowRequest request = OcppVersion.OCPP16.codec().readPayload(V16.RESERVE_NOW.requestType(),
                Json.createReader(new StringReader(payload)).readObject());
        assertEquals(new ReserveNowRequest(2, expiry, "TAG-1", "GROUP", 77), request);

        ReservationView noParent = new ReservationView(78, "CP1", 0, "TAG-1", null, expiry, "Pending", expiry, "admin",
                expiry, null, null, null, null, null, null);
        assertEquals(null, OcppVersion.OCPP16.codec().readPayload(V16.RESERVE_NOW.requestType(),
                Json.createReader(new StringReader(ReservationService.reserveNow(noParent))).readObject()).parentIdTag());
    }
}
