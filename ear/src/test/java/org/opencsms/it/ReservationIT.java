package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/** Reservations through the REST API with real WebSocket chargers: ReserveNow, CancelReservation, use, expiry. */
class ReservationIT {

    /** A registered charger, connected. */
    private static ChargePointClient charger(String id) {
        Server.register("{\"id\":\"" + id + "\"}");
        ChargePointClient c = ChargePointClient.connect(id);
        Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
        return c;
    }

    private static String tag() {
        String tag = Server.uniqueId("RTAG");
        Sessions.tag(tag, ",\"parentIdTag\":\"FLEET\"");
        return tag;
    }

    private static CompletableFuture<Reply> reserve(String chargePoint, String body) {
        return CompletableFuture.supplyAsync(() -> Server.post("/api/charge-points/" + chargePoint + "/reservations", body));
    }

    private static CompletableFuture<Reply> cancel(int reservationId) {
        return CompletableFuture.supplyAsync(() -> Server.delete("/api/reservations/" + reservationId));
    }

    private static String body(int connectorId, String idTag, Instant expiry) {
        return "{\"connectorId\":" + connectorId + ",\"idTag\":\"" + idTag + "\",\"expiryDate\":\"" + expiry + "\"}";
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Reserves connector 1 for the tag and has the charger answer {@code status}; returns the 201's body. */
    private static JsonObject reserved(ChargePointClient c, String chargePoint, String tag, Instant expiry, String status)
            throws Exception {
        CompletableFuture<Reply> reply = reserve(chargePoint, body(1, tag, expiry));
        JsonArray call = c.next();
        assertEquals("ReserveNow", call.getString(2));
        c.answer(call, "{\"status\":\"" + status + "\"}");
        Reply r = reply.get(20, TimeUnit.SECONDS);
        assertEquals(201, r.status(), r.body());
        assertEquals(call.getJsonObject(3).getInt("reservationId"), r.object().getInt("id"));
        return r.object();
    }

    @Test
    void anAcceptedReservationIsUsedByTheStartThatNamesIt() throws Exception {
        String id = Server.uniqueId("RSV");
        String tag = tag();
        try (ChargePointClient c = charger(id)) {
            Instant expiry = inAnHour();
            CompletableFuture<Reply> reply = reserve(id, body(1, tag, expiry));
            JsonArray call = c.next();
            assertEquals("ReserveNow", call.getString(2));
            JsonObject sent = call.getJsonObject(3);
            int reservationId = sent.getInt("reservationId");
            assertEquals(1, sent.getInt("connectorId"));
            assertEquals(tag, sent.getString("idTag"));
            assertEquals("FLEET", sent.getString("parentIdTag"), "the tag's parent when the request names none");
            assertEquals(expiry, Instant.parse(sent.getString("expiryDate")));
            c.answer(call, "{\"status\":\"Accepted\"}");
            Reply r = reply.get(20, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.body());
            JsonObject made = r.object();
            assertEquals(reservationId, made.getInt("id"));
            assertEquals("Accepted", made.getString("status"));
            assertEquals(id, made.getString("chargePointId"));
            assertEquals("admin", made.getString("requestedBy"));
            JsonObject command = Server.get("/api/charge-points/" + id + "/commands?limit=1").array().getJsonObject(0);
            assertEquals("ReserveNow", command.getString("action"));
            assertEquals(command.getJsonNumber("id").longValue(), made.getJsonNumber("reserveCommandId").longValue());

            assertEquals(made, Server.get("/api/reservations/" + reservationId).object());
            assertEquals(1, Server.get("/api/reservations?chargePointId=" + id + "&active=true").array().size());

            // the charger shows the connector reserved, the system shows it with the charge point
            c.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Reserved\"}");
            Server.awaitObject("/api/charge-points/" + id, o -> o.getJsonArray("connectors").stream()
                    .map(JsonObject.class::cast)
                    .anyMatch(k -> k.getInt("connectorId") == 1 && "Reserved".equals(k.getString("status"))));

            JsonObject started = c.ok("StartTransaction", """
                    {"connectorId":1,"idTag":"%s","meterStart":0,"timestamp":"%s","reservationId":%d}"""
                    .formatted(tag, Instant.now().truncatedTo(ChronoUnit.SECONDS), reservationId));
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            int tx = started.getInt("transactionId");
            JsonObject used = Server.get("/api/reservations/" + reservationId).object();
            assertEquals("Used", used.getString("status"));
            assertEquals(tx, used.getInt("transactionId"));
            assertTrue(used.isNull("note"), used.toString());
            assertEquals(reservationId, Server.get("/api/transactions/" + tx).object().getInt("reservationId"));
            assertEquals(0, Server.get("/api/reservations?chargePointId=" + id + "&active=true").array().size());
            assertEquals(1, Server.get("/api/reservations?chargePointId=" + id + "&active=false").array().size());

            Reply cancelUsed = Server.delete("/api/reservations/" + reservationId);
            assertEquals(409, cancelUsed.status(), cancelUsed.body());
            assertNull(c.poll(Duration.ofMillis(500)), "no CancelReservation for a used reservation");
        }
    }

    @Test
    void theLocationOfANewReservationAddressesIt() throws Exception {
        String id = Server.uniqueId("RSL");
        String tag = tag();
        try (ChargePointClient c = charger(id)) {
            CompletableFuture<HttpResponse<String>> reply = Server.HTTP.sendAsync(
                    Server.request("/api/charge-points/" + id + "/reservations")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(0, tag, inAnHour()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonArray call = c.next();
            assertEquals(0, call.getJsonObject(3).getInt("connectorId"), "connector 0: the charge point as a whole");
            c.answer(call, "{\"status\":\"Accepted\"}");
            HttpResponse<String> r = reply.get(20, TimeUnit.SECONDS);
            assertEquals(201, r.statusCode(), r.body());
            String location = r.headers().firstValue("Location").orElseThrow();
            assertTrue(location.endsWith("/api/reservations/" + call.getJsonObject(3).getInt("reservationId")), location);
        }
    }

    @Test
    void aChargerThatIsOccupiedRefusesAndTheRefusalIsRecorded() throws Exception {
        String id = Server.uniqueId("RSO");
        String tag = tag();
        try (ChargePointClient c = charger(id)) {
            JsonObject r = reserved(c, id, tag, inAnHour(), "Occupied");
            assertEquals("Occupied", r.getString("status"));
            int reservationId = r.getInt("id");
            assertEquals("Occupied", Server.get("/api/reservations/" + reservationId).object().getString("status"));
            assertEquals(0, Server.get("/api/reservations?chargePointId=" + id + "&active=true").array().size());
            assertEquals(409, Server.delete("/api/reservations/" + reservationId).status(), "nothing to cancel");
            assertNull(c.poll(Duration.ofMillis(500)));
        }
    }

    @Test
    void anAcceptedCancelCancelsAndARefusedOneIsOnlyRecorded() throws Exception {
        String id = Server.uniqueId("RSC");
        String tag = tag();
        try (ChargePointClient c = charger(id)) {
            int first = reserved(c, id, tag, inAnHour(), "Accepted").getInt("id");
            CompletableFuture<Reply> cancelled = cancel(first);
            JsonArray call = c.next();
            assertEquals("CancelReservation", call.getString(2));
            assertEquals(first, call.getJsonObject(3).getInt("reservationId"));
            c.answer(call, "{\"status\":\"Accepted\"}");
            Reply r = cancelled.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("Cancelled", r.object().getString("status"));
            assertEquals("Accepted", r.object().getString("cancelStatus"));
            assertEquals("admin", r.object().getString("cancelledBy"));
            assertEquals("Cancelled", Server.get("/api/reservations/" + first).object().getString("status"));
            assertEquals(409, Server.delete("/api/reservations/" + first).status(), "cancelled already");

            int second = reserved(c, id, tag, inAnHour(), "Accepted").getInt("id");
            CompletableFuture<Reply> refused = cancel(second);
            c.answer(c.next(), "{\"status\":\"Rejected\"}");
            Reply rr = refused.get(20, TimeUnit.SECONDS);
            assertEquals(200, rr.status(), rr.body());
            assertEquals("Accepted", rr.object().getString("status"), "the charger still holds it");
            assertEquals("Rejected", rr.object().getString("cancelStatus"));
        }
    }

    @Test
    void unknownReservationsAre404() {
        assertEquals(404, Server.delete("/api/reservations/2000000000").status());
        assertEquals(404, Server.get("/api/reservations/2000000000").status());
        assertEquals(404, Server.get("/api/reservations/abc").status());
        assertEquals(404, Server.delete("/api/reservations/abc").status());
        assertEquals(404, Server.post("/api/charge-points/NOPE-" + System.nanoTime() + "/reservations",
                body(1, "ANY", inAnHour())).status());
    }

    @Test
    void badRequestsAreRefusedAndNothingReachesTheCharger() {
        String id = Server.uniqueId("RSB");
        String tag = tag();
        String blocked = Server.uniqueId("BLK");
        Sessions.tag(blocked, ",\"status\":\"Blocked\"");
        try (ChargePointClient c = charger(id)) {
            String path = "/api/charge-points/" + id + "/reservations";
            Reply past = Server.post(path, body(1, tag, Instant.now().minusSeconds(60)));
            assertEquals(400, past.status(), past.body());
            assertTrue(past.object().getJsonArray("violations").toString().contains("expiryDate must be in the future"),
                    past.body());
            assertEquals(400, Server.post(path, body(-1, tag, inAnHour())).status(), "negative connector");
            Reply unknown = Server.post(path, body(1, "NO-SUCH-TAG", inAnHour()));
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.body().contains("unknown"), unknown.body());
            Reply blockedTag = Server.post(path, body(1, blocked, inAnHour()));
            assertEquals(400, blockedTag.status(), blockedTag.body());
            assertTrue(blockedTag.body().contains("blocked"), blockedTag.body());
            Reply empty = Server.post(path, "{}");
            assertEquals(400, empty.status(), empty.body());
            assertEquals(3, empty.object().getJsonArray("violations").size(), empty.body());
            assertEquals(400, Server.post(path, "not json").status());
            assertEquals(400, Server.post(path, "{\"connectorId\":1,\"idTag\":\"" + tag
                    + "\",\"expiryDate\":\"tomorrow\"}").status());
            assertEquals(400, Server.get("/api/reservations?active=maybe").status());
            assertEquals(400, Server.get("/api/reservations?limit=501").status());
            assertNull(c.poll(Duration.ofMillis(500)), "nothing was sent to the charger");
            assertEquals(0, Server.get("/api/reservations?chargePointId=" + id).array().size(), "nothing recorded");
        }
        String offline = Server.uniqueId("RSX");
        Server.register("{\"id\":\"" + offline + "\"}");
        Reply notConnected = Server.post("/api/charge-points/" + offline + "/reservations", body(1, tag, inAnHour()));
        assertEquals(409, notConnected.status(), notConnected.body());
        assertEquals(0, Server.get("/api/reservations?chargePointId=" + offline).array().size(),
                "no reservation the charger never heard of");
    }

    @Test
    void aCallErrorAndNoAnswerAreRecordedAsNotAccepted() throws Exception {
        String id = Server.uniqueId("RSE");
        String tag = tag();
        try (ChargePointClient c = charger(id)) {
            CompletableFuture<Reply> reply = reserve(id, body(1, tag, inAnHour()));
            JsonArray call = c.next();
            c.send("[4,\"" + call.getString(1) + "\",\"NotSupported\",\"no reservations here\",{}]");
            Reply r = reply.get(20, TimeUnit.SECONDS);
            assertEquals(502, r.status(), r.body());
            assertEquals("Error", r.object().getString("status"));
            assertEquals("NotSupported: no reservations here", r.object().getString("note"));
            assertEquals("Error", Server.get("/api/reservations/" + r.object().getInt("id")).object().getString("status"));

            CompletableFuture<Reply> silent = reserve(id, body(1, tag, inAnHour()));
            c.next();
            Reply timeout = silent.get(40, TimeUnit.SECONDS);
            assertEquals(504, timeout.status(), timeout.body());
            assertEquals("NoAnswer", timeout.object().getString("status"));
            assertFalse(timeout.object().getString("note").isBlank());
        }
    }

    @Test
    void aReservationStillHoldingAtItsExpiryExpires() throws Exception {
        String id = Server.uniqueId("RSZ");
        String tag = tag();
        try (ChargePointClient c = charger(id)) {
            Instant expiry = Instant.now().plusSeconds(4);
            int reservationId = reserved(c, id, tag, expiry, "Accepted").getInt("id");
            // the sweep runs every 10 s
            JsonObject expired = Server.API.awaitObject("/api/reservations/" + reservationId,
                    o -> "Expired".equals(o.getString("status")), Duration.ofSeconds(40));
            assertFalse(Instant.parse(expired.getString("statusAt")).isBefore(expiry), expired.toString());
            assertEquals(409, Server.delete("/api/reservations/" + reservationId).status());
        }
    }
}
