package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/** The operator's close of a transaction its charger will never report (POST /api/transactions/{id}/close). */
class TransactionCloseIT {

    private static String charger() {
        String id = Server.uniqueId("TXC");
        Server.register("{\"id\":\"" + id + "\"}");
        return id;
    }

    @Test
    void aClosedTransactionFreesItsTagAndALaterStopFromTheChargerChangesNothing() {
        String id = charger();
        String tag = Server.uniqueId("TAG");
        Sessions.tag(tag, ",\"allowConcurrentTx\":false");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            int lost = Sessions.startedId(c, 1, tag, 1000, "2026-04-01T08:00:00Z");
            Sessions.meter(c, 1, lost, "2026-04-01T08:15:00Z", 3500, 16.0);
            Server.awaitObject("/api/transactions/" + lost, t -> t.getJsonArray("meterValues").size() >= 2);
            assertEquals("ConcurrentTx", Sessions.start(c, 2, tag, 0, "2026-04-01T09:00:00Z")
                    .getJsonObject("idTagInfo").getString("status"), "the tag is busy while the lost one runs");

            Instant before = Instant.now().minusSeconds(1);
            Reply closed = Server.post("/api/transactions/" + lost + "/close", "{\"meterStop\":null,\"reason\":\"Other\"}");
            assertEquals(200, closed.status(), closed.body());
            JsonObject t = closed.object();
            assertEquals(3500, t.getInt("meterStop"), "the last energy register reading");
            assertEquals(2500, t.getInt("energyWh"));
            assertEquals("Other", t.getString("stopReason"));
            assertEquals("admin", t.getString("closedBy"));
            Instant closedAt = Instant.parse(t.getString("closedAt"));
            assertFalse(closedAt.isBefore(before), t.toString());
            assertEquals(closedAt, Instant.parse(t.getString("stopTimestamp")), "stopped when closed");
            assertEquals(t, Server.get("/api/transactions/" + lost).object());
            assertTrue(Server.get("/api/transactions?chargePointId=" + id + "&active=true").array().stream()
                    .noneMatch(v -> v.asJsonObject().getInt("id") == lost));

            JsonObject again = Sessions.start(c, 2, tag, 0, "2026-04-01T10:00:00Z");
            assertEquals("Accepted", again.getJsonObject("idTagInfo").getString("status"), "the tag is free again");

            // the charger turns up after all: answered, the operator's close stays, its meter values are kept
            JsonObject late = Sessions.stop(c, lost, 9000, "2026-04-01T09:30:00Z", """
                    [{"timestamp":"2026-04-01T09:30:00Z","sampledValue":[
                      {"value":"9000","context":"Transaction.End","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]""");
            assertTrue(late.containsKey("idTagInfo"), late.toString());
            JsonObject after = Server.awaitObject("/api/transactions/" + lost,
                    o -> o.getJsonArray("meterValues").size() >= 3);
            assertEquals(3500, after.getInt("meterStop"));
            assertEquals("admin", after.getString("closedBy"));
            assertEquals(t.getString("stopTimestamp"), after.getString("stopTimestamp"));

            Reply twice = Server.post("/api/transactions/" + lost + "/close", "{}");
            assertEquals(409, twice.status(), twice.body());
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"), "the session lives on");
        }
    }

    @Test
    void theOperatorMayNameMeterStopAndReasonAndWithoutReadingsMeterStartIsTaken() {
        String id = charger();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            int named = Sessions.startedId(c, 1, "ANY-TAG", 100, "2026-04-02T08:00:00Z");
            JsonObject t = Server.post("/api/transactions/" + named + "/close",
                    "{\"meterStop\":9000,\"reason\":\"PowerLoss\"}").object();
            assertEquals(9000, t.getInt("meterStop"));
            assertEquals("PowerLoss", t.getString("stopReason"));

            int bare = Sessions.startedId(c, 2, "ANY-TAG", 700, "2026-04-02T09:00:00Z");
            assertEquals(400, Server.post("/api/transactions/" + bare + "/close", "").status(), "a body is required");
            Reply r = Server.post("/api/transactions/" + bare + "/close", "{}");
            assertEquals(200, r.status(), r.body());
            assertEquals(700, r.object().getInt("meterStop"), "no readings: meterStart");
            assertEquals("Other", r.object().getString("stopReason"));
        }
    }

    @Test
    void badClosesAreRefused() {
        String id = charger();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            int tx = Sessions.startedId(c, 1, "ANY-TAG", 0, "2026-04-03T08:00:00Z");
            Reply reason = Server.post("/api/transactions/" + tx + "/close", "{\"reason\":\"Sideways\"}");
            assertEquals(400, reason.status(), reason.body());
            assertFalse(reason.object().getJsonArray("violations").isEmpty());
            assertEquals(400, Server.post("/api/transactions/" + tx + "/close", "{\"meterStop\":-1}").status());
            assertEquals(400, Server.post("/api/transactions/" + tx + "/close", "not json").status());
            assertTrue(Server.get("/api/transactions/" + tx).object().isNull("stopTimestamp"), "still running");
        }
        assertEquals(404, Server.post("/api/transactions/2000000000/close", "{}").status());
        assertEquals(404, Server.post("/api/transactions/abc/close", "{}").status());
    }
}
