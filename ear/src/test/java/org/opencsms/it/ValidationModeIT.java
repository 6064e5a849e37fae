package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * A charge point's validation mode (PUT /api/charge-points/{id} {"validation":...}): strict answers the common
 * firmware mistakes with the CALLERROR the schema calls for; relaxed accepts them, stores what they mean and logs
 * each kind of mistake once per session.
 */
class ValidationModeIT {

    /** What real firmware sends: extra properties, zoneless timestamps, numbers as strings, enums in any case. */
    private static final String BOOT = """
            {"chargePointVendor":"Sloppy","chargePointModel":"S1","firmwareBuild":"2026.11"}""";
    private static final String STATUS = """
            {"connectorId":"1","errorCode":"noError","status":"available","timestamp":"2026-05-01T08:00:00"}""";
    private static final String START = """
            {"connectorId":1,"idTag":"%s","meterStart":"1000","timestamp":"2026-05-01T08:00:00"}""";
    private static final String METER = """
            {"connectorId":1,"transactionId":%d,"meterValue":[{"timestamp":"2026-05-01T08:%s:00","sampledValue":[
              {"value":%d,"measurand":"energy.active.import.register","unit":"wh","context":"Sample.Periodic"}]}]}""";

    private static String register() {
        String id = Server.uniqueId("VAL");
        Server.register("{\"id\":\"" + id + "\"}");
        return id;
    }

    private static JsonObject relax(String id) {
        Reply r = Server.put("/api/charge-points/" + id, "{\"validation\":\"relaxed\"}");
        assertEquals(200, r.status(), r.body());
        return r.object();
    }

    @Test
    void strictIsTheDefaultAndRefusesEachMistakeWithItsCallError() {
        String id = register();
        assertEquals("strict", Server.get("/api/charge-points/" + id).object().getString("validation"));
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("FormationViolation", error(c.call("BootNotification", BOOT)));
            assertEquals("TypeConstraintViolation", error(c.call("StatusNotification", STATUS)));
            assertEquals("PropertyConstraintViolation", error(c.call("StatusNotification", """
                    {"connectorId":1,"errorCode":"NoError","status":"available"}""")));
            assertEquals("TypeConstraintViolation", error(c.call("StatusNotification", """
                    {"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2026-05-01T08:00:00"}""")));
            assertEquals("TypeConstraintViolation", error(c.call("StartTransaction", START.formatted("ANY"))));
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"), "the session lives on");
        }
        assertTrue(Server.get("/api/transactions?chargePointId=" + id).array().isEmpty(), "nothing refused was stored");
    }

    @Test
    void relaxedAcceptsTheMistakesStoresWhatTheyMeanAndLogsEachKindOncePerSession() {
        String id = register();
        assertEquals("relaxed", relax(id).getString("validation"));
        assertEquals("relaxed", Server.get("/api/charge-points/" + id).object().getString("validation"));
        String tag = Server.uniqueId("VTAG");
        Sessions.tag(tag, "");

        int txId;
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("Accepted", c.ok("BootNotification", BOOT).getString("status"));
            c.ok("StatusNotification", STATUS);
            JsonObject started = c.ok("StartTransaction", START.formatted(tag));
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            txId = started.getInt("transactionId");
            c.ok("MeterValues", METER.formatted(txId, "15", 3500));
            c.ok("MeterValues", METER.formatted(txId, "30", 6000));
            // and a command's answer in the wrong case reaches the API as the schema has it
            CompletableFuture<Reply> reset = CompletableFuture.supplyAsync(() -> Server.post(
                    "/api/charge-points/" + id + "/commands/Reset", "{\"type\":\"Soft\"}"));
            JsonArray call = c.next();
            assertEquals("Reset", call.getString(2));
            c.send("[3,\"" + call.getString(1) + "\",{\"status\":\"accepted\",\"delay\":5}]");
            Reply answer = reset.get(20, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), answer.body());
            assertEquals(json("{\"status\":\"Accepted\"}"), answer.object());
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        JsonObject cp = Server.awaitObject("/api/charge-points/" + id,
                o -> "Sloppy".equals(o.getString("vendor", null)) && o.getJsonArray("connectors").size() == 1);
        assertEquals("S1", cp.getString("model"));
        JsonObject connector = cp.getJsonArray("connectors").getJsonObject(0);
        assertEquals(1, connector.getInt("connectorId"));
        assertEquals("Available", connector.getString("status"));
        assertEquals("2026-05-01T08:00:00Z", connector.getString("statusTime"));

        JsonObject t = Server.awaitObject("/api/transactions/" + txId, o -> o.getJsonArray("meterValues").size() == 2);
        assertEquals(1000, t.getInt("meterStart"));
        assertEquals("2026-05-01T08:00:00Z", t.getString("startTimestamp"));
        JsonObject last = t.getJsonArray("meterValues").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("timestamp").equals("2026-05-01T08:30:00Z")).findFirst().orElseThrow();
        assertEquals("6000", last.getString("value"));
        assertEquals("Energy.Active.Import.Register", last.getString("measurand"));
        assertEquals("Wh", last.getString("unit"));

        // one line per kind and place of mistake per session: two MeterValues, one line for their timestamps
        String zoneless = "Charge point " + id + " (validation relaxed) sent MeterValuesRequest meterValue[0].timestamp: "
                + "timestamp without a zone read as UTC";
        assertEquals(1, count(Server.log(), zoneless));
        assertEquals(1, count(Server.log(), "Charge point " + id + " (validation relaxed) sent BootNotificationRequest "
                + "firmwareBuild: unknown property ignored"));
        assertEquals(1, count(Server.log(), "Charge point " + id + " (validation relaxed) sent StartTransactionRequest "
                + "meterStart: number sent as a string ('1000')"));
        assertEquals(1, count(Server.log(), "Charge point " + id + " (validation relaxed) sent ResetResponse "
                + "status: enumeration value in the wrong case ('accepted')"));

        // a new session says it again, once
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            c.ok("MeterValues", METER.formatted(txId, "45", 7000));
            c.ok("MeterValues", METER.formatted(txId, "50", 7500));
        }
        Server.awaitObject("/api/transactions/" + txId, o -> o.getJsonArray("meterValues").size() == 4);
        assertEquals(2, count(Server.log(), zoneless));
    }

    @Test
    void backToStrictAppliesFromTheNextConnection() {
        String id = register();
        relax(id);
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("Accepted", c.ok("BootNotification", BOOT).getString("status"));
        }
        Reply strict = Server.put("/api/charge-points/" + id, "{\"validation\":\"strict\"}");
        assertEquals(200, strict.status(), strict.body());
        assertEquals("strict", strict.object().getString("validation"));
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("FormationViolation", error(c.call("BootNotification", BOOT)));
        }
    }

    @Test
    void aWrongChangeIsRefusedWithAReasonAndChangesNothing() {
        String id = register();
        String path = "/api/charge-points/" + id;
        assertBadRequest(Server.put(path, "{\"validation\":\"lenient\"}"), "validation must be 'strict' or 'relaxed'");
        assertBadRequest(Server.put(path, "{\"validaton\":\"relaxed\"}"), "unknown property 'validaton'");
        assertBadRequest(Server.put(path, "{\"validation\":true}"), "validation must be a string");
        assertBadRequest(Server.put(path, "{}"), "nothing to change");
        assertBadRequest(Server.put(path, "{\"validation\":"), "malformed JSON");
        // all or nothing: a bad security profile leaves the validation mode as it was
        assertBadRequest(Server.put(path, "{\"validation\":\"relaxed\",\"securityProfile\":1}"), "needs a password");
        assertEquals("strict", Server.get(path).object().getString("validation"));

        Reply missing = Server.put("/api/charge-points/NOPE-" + System.nanoTime(), "{\"validation\":\"relaxed\"}");
        assertEquals(404, missing.status(), missing.body());

        Reply both = Server.put(path, "{\"validation\":\"RELAXED\",\"password\":\"a-key-of-16-chars\",\"securityProfile\":1}");
        assertEquals(200, both.status(), both.body());
        assertEquals("relaxed", both.object().getString("validation"));
        assertEquals(1, both.object().getInt("securityProfile"));
        assertEquals(401, ChargePointClient.refusal(id, null, false), "the password is required now");
    }

    private static void assertBadRequest(Reply r, String message) {
        assertEquals(400, r.status(), r.body());
        assertTrue(r.body().contains(message), r.body());
    }

    private static String error(JsonArray frame) {
        assertEquals(4, frame.getInt(0), frame.toString());
        return frame.getString(2);
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
