package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * Smart charging end to end: the profile library through the REST API, profiles set on, listed for and
 * cleared from real WebSocket chargers, what ends them (a StopTransaction, a BootNotification), the
 * composite schedule, and RemoteStartTransaction with a stored profile.
 */
class ChargingProfileIT {
    private static final String SCHEDULE = """
            "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}""";

    private static String profile(String description, String purpose, int stackLevel) {
        return """
                {"description":"%s","stackLevel":%d,"chargingProfilePurpose":"%s","chargingProfileKind":"Relative",%s}"""
                .formatted(description, stackLevel, purpose, SCHEDULE);
    }

    /** A stored profile's id. */
    private static int stored(String purpose, int stackLevel) {
        Reply r = Server.post("/api/charging-profiles", profile(Server.uniqueId("d"), purpose, stackLevel));
        assertEquals(201, r.status(), r.body());
        return r.object().getInt("id");
    }

    /** The profile as the library shows it, without its id and description: what a charger must get. */
    private static JsonObject document(int id) {
        return Json.createObjectBuilder(Server.get("/api/charging-profiles/" + id).object())
                .remove("id").remove("description").build();
    }

    private static CompletableFuture<Reply> async(Supplier<Reply> request) {
        return CompletableFuture.supplyAsync(request);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** The charger's next CALL, which must be {@code action}; answered with {@code answer}. */
    private static JsonObject expect(ChargePointClient charger, String action, String answer) {
        JsonArray call = charger.next();
        assertEquals(action, call.getString(2), call.toString());
        charger.send("[3,\"" + call.getString(1) + "\"," + answer + "]");
        return call.getJsonObject(3);
    }

    private static Reply done(CompletableFuture<Reply> reply) throws Exception {
        return reply.get(30, TimeUnit.SECONDS);
    }

    /** "profileId@connector" of the charge point's installed profiles. */
    private static List<String> installed(String chargePointId) {
        Reply r = Server.get("/api/charge-points/" + chargePointId + "/charging-profiles");
        assertEquals(200, r.status(), r.body());
        List<String> list = new ArrayList<>();
        for (JsonValue v : r.array()) {
            list.add(v.asJsonObject().getInt("profileId") + "@" + v.asJsonObject().getInt("connectorId"));
        }
        return list;
    }

    private static CompletableFuture<Reply> set(String chargePointId, int profileId, int connectorId, Integer tx) {
        return async(() -> Server.post("/api/charge-points/" + chargePointId + "/charging-profiles",
                "{\"profileId\":" + profileId + ",\"connectorId\":" + connectorId + ",\"transactionId\":" + tx + "}"));
    }

    // ---- the library --------------------------------------------------------------------------------

    @Test
    void aProfileIsCreatedListedReadUpdatedAndDeleted() {
        String description = Server.uniqueId("Night");
        Reply created = Server.post("/api/charging-profiles", profile(description, "TxDefaultProfile", 1));
        assertEquals(201, created.status(), created.body());
        JsonObject p = created.object();
        int id = p.getInt("id");
        assertEquals(id, p.getInt("chargingProfileId"), "the CSMS assigns the OCPP chargingProfileId");
        assertEquals(description, p.getString("description"));
        assertEquals(json("{" + SCHEDULE + "}").getJsonObject("chargingSchedule"), p.getJsonObject("chargingSchedule"));
        assertTrue(created.body().contains("\"id\":" + id), created.body());

        assertEquals(p, Server.get("/api/charging-profiles/" + id).object());
        JsonArray found = Server.get("/api/charging-profiles?description=" + description.toLowerCase()).array();
        assertEquals(1, found.size(), found.toString());
        assertEquals(id, found.getJsonObject(0).getInt("id"));
        assertEquals(0, Server.get("/api/charging-profiles?description=" + description + "&offset=1").array().size());

        // what GET shows can be PUT back, changed
        Reply updated = Server.put("/api/charging-profiles/" + id, p.toString().replace("\"stackLevel\":1", "\"stackLevel\":4"));
        assertEquals(200, updated.status(), updated.body());
        assertEquals(4, updated.object().getInt("stackLevel"));
        assertEquals(4, Server.get("/api/charging-profiles/" + id).object().getInt("stackLevel"));

        assertEquals(204, Server.delete("/api/charging-profiles/" + id).status());
        assertEquals(404, Server.get("/api/charging-profiles/" + id).status());
        assertEquals(404, Server.delete("/api/charging-profiles/" + id).status());
        assertEquals(404, Server.put("/api/charging-profiles/" + id, profile("x", "TxProfile", 0)).status());
        assertEquals(404, Server.get("/api/charging-profiles/abc").status());
    }

    @Test
    void anInvalidProfileIs400WithItsViolations() {
        Reply bad = Server.post("/api/charging-profiles", """
                {"stackLevel":-1,"chargingProfilePurpose":"Sometimes","chargingProfileKind":"Relative",
                 "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.05}]}}""");
        assertEquals(400, bad.status(), bad.body());
        String violations = bad.object().getJsonArray("violations").toString();
        assertTrue(violations.contains("stackLevel"), violations);
        assertTrue(violations.contains("chargingProfilePurpose"), violations);
        assertTrue(violations.contains("chargingSchedule.chargingSchedulePeriod[0].limit"), violations);
        Reply withId = Server.post("/api/charging-profiles", profile("x", "TxProfile", 0)
                .replaceFirst("\\{", "{\"chargingProfileId\":5,"));
        assertEquals(400, withId.status(), withId.body());
        assertTrue(withId.object().getJsonArray("violations").getString(0).startsWith("chargingProfileId"));
        assertEquals(400, Server.post("/api/charging-profiles", "not json").status());
        assertEquals(400, Server.get("/api/charging-profiles?limit=501").status());
    }

    // ---- on charge points ---------------------------------------------------------------------------

    @Test
    void aProfileTheChargerAcceptsIsListedOneItRejectsIsNot() throws Exception {
        String id = Server.uniqueId("SCA");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            int accepted = stored("TxDefaultProfile", 0);
            CompletableFuture<Reply> reply = set(id, accepted, 1, null);
            JsonObject sent = expect(charger, "SetChargingProfile", "{\"status\":\"Accepted\"}");
            assertEquals(1, sent.getInt("connectorId"));
            assertEquals(document(accepted), sent.getJsonObject("csChargingProfiles"), "the stored profile itself");
            Reply r = done(reply);
            assertEquals(200, r.status(), r.body());
            assertEquals("Accepted", r.object().getString("status"));
            assertEquals(List.of(accepted + "@1"), installed(id));
            JsonObject record = Server.get("/api/charge-points/" + id + "/charging-profiles").array().getJsonObject(0);
            assertEquals("TxDefaultProfile", record.getString("chargingProfilePurpose"));
            assertTrue(record.isNull("transactionId"));
            assertEquals(409, Server.delete("/api/charging-profiles/" + accepted).status(), "installed: not deleted");

            int rejected = stored("ChargePointMaxProfile", 0);
            CompletableFuture<Reply> refused = set(id, rejected, 0, null);
            expect(charger, "SetChargingProfile", "{\"status\":\"Rejected\"}");
            assertEquals("Rejected", done(refused).object().getString("status"));
            assertEquals(List.of(accepted + "@1"), installed(id), "a rejected profile is not installed");

            CompletableFuture<Reply> failed = set(id, rejected, 0, null);
            JsonArray call = charger.next();
            charger.send("[4,\"" + call.getString(1) + "\",\"NotSupported\",\"no smart charging\",{}]");
            assertEquals(502, done(failed).status());
            assertEquals(List.of(accepted + "@1"), installed(id));
        }
    }

    @Test
    void aClearTheChargerAcceptsRemovesTheMatchingRecords() throws Exception {
        String id = Server.uniqueId("SCC");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            int a = stored("TxDefaultProfile", 0);
            int b = stored("TxDefaultProfile", 1);
            CompletableFuture<Reply> first = set(id, a, 1, null);
            expect(charger, "SetChargingProfile", "{\"status\":\"Accepted\"}");
            done(first);
            CompletableFuture<Reply> second = set(id, b, 2, null);
            expect(charger, "SetChargingProfile", "{\"status\":\"Accepted\"}");
            done(second);
            assertEquals(List.of(a + "@1", b + "@2"), installed(id));

            CompletableFuture<Reply> unknown = async(() -> Server.delete("/api/charge-points/" + id
                    + "/charging-profiles?profileId=" + a));
            assertEquals(json("{\"id\":" + a + "}"), expect(charger, "ClearChargingProfile", "{\"status\":\"Unknown\"}"));
            assertEquals("Unknown", done(unknown).object().getString("status"));
            assertEquals(List.of(a + "@1", b + "@2"), installed(id), "not cleared by the charger: still recorded");

            CompletableFuture<Reply> clear = async(() -> Server.delete("/api/charge-points/" + id
                    + "/charging-profiles?connectorId=2&purpose=TxDefaultProfile&stackLevel=1"));
            assertEquals(json("{\"connectorId\":2,\"chargingProfilePurpose\":\"TxDefaultProfile\",\"stackLevel\":1}"),
                    expect(charger, "ClearChargingProfile", "{\"status\":\"Accepted\"}"));
            assertEquals(200, done(clear).status());
            assertEquals(List.of(a + "@1"), installed(id));

            assertEquals(400, Server.delete("/api/charge-points/" + id + "/charging-profiles?purpose=Most").status());
            assertEquals(400, Server.delete("/api/charge-points/" + id + "/charging-profiles?stackLevel=x").status());
            assertNull(charger.poll(Duration.ofMillis(500)), "nothing sent for bad criteria");
        }
    }

    @Test
    void aTxProfileEndsWithItsTransactionAndEveryProfileWithABoot() throws Exception {
        String id = Server.uniqueId("SCT");
        Server.register("{\"id\":\"" + id + "\"}");
        String tag = Server.uniqueId("TAG");
        Sessions.tag(tag, "");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            int tx = Sessions.startedId(charger, 1, tag, 0, "2026-03-01T10:00:00Z");
            int txProfile = stored("TxProfile", 0);
            int byDefault = stored("TxDefaultProfile", 0);

            CompletableFuture<Reply> forTx = set(id, txProfile, 1, tx);
            JsonObject sent = expect(charger, "SetChargingProfile", "{\"status\":\"Accepted\"}");
            assertEquals(tx, sent.getJsonObject("csChargingProfiles").getInt("transactionId"));
            assertEquals(200, done(forTx).status());
            CompletableFuture<Reply> other = set(id, byDefault, 1, null);
            expect(charger, "SetChargingProfile", "{\"status\":\"Accepted\"}");
            done(other);
            // by connector, then purpose
            assertEquals(List.of(byDefault + "@1", txProfile + "@1"), installed(id));
            assertEquals(tx, Server.get("/api/charge-points/" + id + "/charging-profiles").array().stream()
                    .map(JsonValue::asJsonObject).filter(o -> o.getInt("profileId") == txProfile).findFirst()
                    .orElseThrow().getInt("transactionId"));

            Reply notTx = Server.post("/api/charge-points/" + id + "/charging-profiles",
                    "{\"profileId\":" + byDefault + ",\"connectorId\":1,\"transactionId\":" + tx + "}");
            assertEquals(400, notTx.status(), "a transaction only for a TxProfile");

            Sessions.stop(charger, tx, 500, "2026-03-01T11:00:00Z", null);
            assertEquals(List.of(byDefault + "@1"), installed(id), "the TxProfile ended with its transaction");

            charger.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Box\"}");
            assertEquals(List.of(), installed(id), "a reboot clears them all");
        }
    }

    @Test
    void unknownProfilesAndChargePointsAreRefusedBeforeAnythingIsSent() throws Exception {
        String id = Server.uniqueId("SCU");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            Reply unknown = Server.post("/api/charge-points/" + id + "/charging-profiles",
                    "{\"profileId\":2147483000,\"connectorId\":1}");
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.object().getJsonArray("violations").getString(0).startsWith("profileId"));
            assertEquals(400, Server.post("/api/charge-points/" + id + "/charging-profiles", "{\"connectorId\":1}").status());
            int p = stored("TxDefaultProfile", 0);
            Reply noConnector = Server.post("/api/charge-points/" + id + "/charging-profiles", "{\"profileId\":" + p + "}");
            assertEquals(400, noConnector.status(), noConnector.body());
            assertNull(charger.poll(Duration.ofMillis(500)), "nothing was sent");
            String nope = Server.uniqueId("NOPE");
            assertEquals(404, Server.post("/api/charge-points/" + nope + "/charging-profiles",
                    "{\"profileId\":" + p + ",\"connectorId\":1}").status());
            assertEquals(404, Server.get("/api/charge-points/" + nope + "/charging-profiles").status());
            assertEquals(404, Server.get("/api/charge-points/" + nope + "/composite-schedule?connectorId=1&duration=60")
                    .status());
        }
    }

    // ---- composite schedule -------------------------------------------------------------------------

    @Test
    void theCompositeScheduleIsTyped() throws Exception {
        String id = Server.uniqueId("SCS");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            String path = "/api/charge-points/" + id + "/composite-schedule";
            CompletableFuture<Reply> reply = async(() -> Server.get(path + "?connectorId=1&duration=600&chargingRateUnit=W"));
            JsonObject asked = expect(charger, "GetCompositeSchedule", """
                    {"status":"Accepted","connectorId":1,"scheduleStart":"2030-01-01T00:00:00Z",
                     "chargingSchedule":{"duration":600,"chargingRateUnit":"W","chargingSchedulePeriod":[
                       {"startPeriod":0,"limit":11000.0,"numberPhases":3},{"startPeriod":300,"limit":7400.0}]}}""");
            assertEquals(json("{\"connectorId\":1,\"duration\":600,\"chargingRateUnit\":\"W\"}"), asked);
            Reply r = done(reply);
            assertEquals(200, r.status(), r.body());
            JsonObject s = r.object();
            assertEquals("Accepted", s.getString("status"));
            assertEquals(1, s.getInt("connectorId"));
            assertEquals("2030-01-01T00:00:00Z", s.getString("scheduleStart"));
            JsonObject schedule = s.getJsonObject("chargingSchedule");
            assertEquals("W", schedule.getString("chargingRateUnit"));
            assertEquals(600, schedule.getInt("duration"));
            JsonArray periods = schedule.getJsonArray("chargingSchedulePeriod");
            assertEquals(2, periods.size());
            assertEquals(300, periods.getJsonObject(1).getInt("startPeriod"));
            assertEquals(7400.0, periods.getJsonObject(1).getJsonNumber("limit").doubleValue());
            assertEquals(3, periods.getJsonObject(0).getInt("numberPhases"));

            CompletableFuture<Reply> rejected = async(() -> Server.get(path + "?connectorId=2&duration=60"));
            assertEquals(json("{\"connectorId\":2,\"duration\":60}"),
                    expect(charger, "GetCompositeSchedule", "{\"status\":\"Rejected\"}"));
            Reply no = done(rejected);
            assertEquals(200, no.status(), no.body());
            assertEquals("Rejected", no.object().getString("status"));
            assertTrue(no.object().isNull("chargingSchedule"));

            CompletableFuture<Reply> error = async(() -> Server.get(path + "?connectorId=1&duration=60"));
            JsonArray call = charger.next();
            charger.send("[4,\"" + call.getString(1) + "\",\"InternalError\",\"oops\",{}]");
            Reply e = done(error);
            assertEquals(502, e.status(), e.body());
            assertEquals("InternalError", e.object().getString("errorCode"));

            CompletableFuture<Reply> silent = async(() -> Server.get(path + "?connectorId=1&duration=60"));
            assertEquals("GetCompositeSchedule", charger.next().getString(2));
            assertEquals(504, done(silent).status(), "no answer");

            assertEquals(400, Server.get(path + "?connectorId=1").status(), "duration missing");
            assertEquals(400, Server.get(path + "?connectorId=x&duration=60").status());
            assertEquals(400, Server.get(path + "?connectorId=1&duration=0").status());
            Reply unit = Server.get(path + "?connectorId=1&duration=60&chargingRateUnit=kW");
            assertEquals(400, unit.status(), unit.body());
            assertFalse(unit.object().getJsonArray("violations").isEmpty());
            assertNull(charger.poll(Duration.ofMillis(500)), "nothing sent for bad parameters");
        }
    }

    // ---- RemoteStartTransaction -----------------------------------------------------------------------

    @Test
    void remoteStartWithAStoredProfileSendsTheProfileItself() throws Exception {
        String id = Server.uniqueId("SCR");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            String path = "/api/charge-points/" + id + "/commands/RemoteStartTransaction";
            int tx = stored("TxProfile", 0);
            CompletableFuture<Reply> reply = async(() -> Server.post(path,
                    "{\"connectorId\":1,\"idTag\":\"TAG-1\",\"chargingProfileId\":" + tx + "}"));
            JsonObject sent = expect(charger, "RemoteStartTransaction", "{\"status\":\"Accepted\"}");
            assertEquals(Json.createObjectBuilder().add("connectorId", 1).add("idTag", "TAG-1")
                    .add("chargingProfile", document(tx)).build(), sent);
            Reply r = done(reply);
            assertEquals(200, r.status(), r.body());
            assertEquals(sent, Server.get("/api/charge-points/" + id + "/commands?limit=1").array().getJsonObject(0)
                    .getJsonObject("payload"), "recorded as sent");

            int notTx = stored("TxDefaultProfile", 0);
            Reply wrongPurpose = Server.post(path, "{\"idTag\":\"TAG-1\",\"chargingProfileId\":" + notTx + "}");
            assertEquals(400, wrongPurpose.status(), wrongPurpose.body());
            assertTrue(wrongPurpose.object().getJsonArray("violations").getString(0).contains("TxProfile"));
            Reply unknown = Server.post(path, "{\"idTag\":\"TAG-1\",\"chargingProfileId\":2147483000}");
            assertEquals(400, unknown.status(), unknown.body());
            assertTrue(unknown.object().getJsonArray("violations").getString(0).startsWith("chargingProfileId"));
            assertNull(charger.poll(Duration.ofMillis(500)), "nothing was sent");
        }
    }
}
