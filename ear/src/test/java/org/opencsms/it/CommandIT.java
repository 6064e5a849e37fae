package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/** Commands through the REST API to a simulated charger, for every OCPP 1.6 central-system action. */
class CommandIT {
    private static String id;
    private static ChargePointClient charger;

    @BeforeAll
    static void connect() {
        id = Server.uniqueId("CMD");
        Server.register("{\"id\":\"" + id + "\"}");
        charger = ChargePointClient.connect(id);
        Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
    }

    @AfterAll
    static void disconnect() {
        charger.close();
    }

    static CompletableFuture<Reply> command(String chargePoint, String action, String payload) {
        return CompletableFuture.supplyAsync(() -> Server.post(
                "/api/charge-points/" + chargePoint + "/commands/" + action, payload));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CancelReservation      | {"reservationId":1}                                   | {"status":"Accepted"}
            ChangeAvailability     | {"connectorId":0,"type":"Inoperative"}                | {"status":"Scheduled"}
            ChangeConfiguration    | {"key":"HeartbeatInterval","value":"60"}              | {"status":"Accepted"}
            ClearCache             | {}                                                    | {"status":"Accepted"}
            ClearChargingProfile   | {"id":3}                                              | {"status":"Unknown"}
            DataTransfer           | {"vendorId":"com.example","messageId":"m","data":"x"} | {"status":"Accepted","data":"y"}
            GetCompositeSchedule   | {"connectorId":1,"duration":3600}                     | {"status":"Rejected"}
            GetConfiguration       | {"key":["HeartbeatInterval"]}                         | {"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"}],"unknownKey":[]}
            GetDiagnostics         | {"location":"ftp://example.com/diag"}                 | {"fileName":"diag.zip"}
            GetLocalListVersion    | {}                                                    | {"listVersion":3}
            RemoteStartTransaction | {"connectorId":1,"idTag":"TAG-1"}                     | {"status":"Accepted"}
            RemoteStopTransaction  | {"transactionId":17}                                  | {"status":"Rejected"}
            ReserveNow             | {"connectorId":1,"expiryDate":"2030-01-01T00:00:00Z","idTag":"TAG-1","reservationId":7} | {"status":"Occupied"}
            Reset                  | {"type":"Soft"}                                       | {"status":"Accepted"}
            SendLocalList          | {"listVersion":4,"updateType":"Full","localAuthorizationList":[{"idTag":"TAG-1","idTagInfo":{"status":"Accepted"}}]} | {"status":"Accepted"}
            SetChargingProfile     | {"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}}} | {"status":"Accepted"}
            TriggerMessage         | {"requestedMessage":"StatusNotification","connectorId":1} | {"status":"Accepted"}
            UnlockConnector        | {"connectorId":1}                                     | {"status":"Unlocked"}
            UpdateFirmware         | {"location":"https://example.com/fw.bin","retrieveDate":"2030-01-01T00:00:00Z"} | {}
            """)
    void roundTrip(String action, String payload, String answer) throws Exception {
        CompletableFuture<Reply> reply = command(id, action, payload);
        JsonArray call = charger.next();
        assertEquals(2, call.getInt(0));
        assertEquals(action, call.getString(2));
        assertEquals(json(payload), call.getJsonObject(3), "the charger gets the payload as sent");
        charger.send("[3,\"" + call.getString(1) + "\"," + answer + "]");
        Reply r = reply.get(20, TimeUnit.SECONDS);
        assertEquals(200, r.status(), r.body());
        assertEquals(json(answer), r.object());

        JsonObject recorded = Server.get("/api/charge-points/" + id + "/commands?limit=1").array().getJsonObject(0);
        assertEquals(action, recorded.getString("action"));
        assertEquals(json(payload), recorded.getJsonObject("payload"));
        assertEquals("admin", recorded.getString("requestedBy"));
        assertEquals("RESULT", recorded.getString("outcome"));
        assertEquals(json(answer), recorded.getJsonObject("response"));
        assertFalse(recorded.isNull("completedAt"));
    }

    @Test
    void callErrorIs502WithCodeAndDescription() throws Exception {
        CompletableFuture<Reply> reply = command(id, "Reset", "{\"type\":\"Hard\"}");
        JsonArray call = charger.next();
        charger.send("[4,\"" + call.getString(1) + "\",\"NotSupported\",\"no hard resets here\",{\"why\":\"policy\"}]");
        Reply r = reply.get(20, TimeUnit.SECONDS);
        assertEquals(502, r.status(), r.body());
        assertEquals("NotSupported", r.object().getString("errorCode"));
        assertEquals("no hard resets here", r.object().getString("errorDescription"));
        assertEquals("policy", r.object().getJsonObject("errorDetails").getString("why"));
        JsonObject recorded = Server.get("/api/charge-points/" + id + "/commands?limit=1").array().getJsonObject(0);
        assertEquals("CALL_ERROR", recorded.getString("outcome"));
        assertEquals("NotSupported", recorded.getString("errorCode"));
    }

    @Test
    void answerViolatingTheSchemaIs502() throws Exception {
        CompletableFuture<Reply> reply = command(id, "ClearCache", "{}");
        JsonArray call = charger.next();
        charger.send("[3,\"" + call.getString(1) + "\",{\"status\":\"Maybe\"}]");
        Reply r = reply.get(20, TimeUnit.SECONDS);
        assertEquals(502, r.status(), r.body());
        assertEquals("PropertyConstraintViolation", r.object().getString("errorCode"));
    }

    @Test
    void noAnswerIs504AndALateAnswerIsIgnored() throws Exception {
        CompletableFuture<Reply> reply = command(id, "ClearCache", "{}");
        JsonArray call = charger.next();
        Reply r = reply.get(30, TimeUnit.SECONDS);
        assertEquals(504, r.status(), r.body());
        // the late answer must not be taken for the next command's
        charger.send("[3,\"" + call.getString(1) + "\",{\"status\":\"Accepted\"}]");
        CompletableFuture<Reply> next = command(id, "ClearCache", "{}");
        JsonArray second = charger.next();
        charger.send("[3,\"" + second.getString(1) + "\",{\"status\":\"Rejected\"}]");
        assertEquals("Rejected", next.get(20, TimeUnit.SECONDS).object().getString("status"));
        assertEquals("TIMEOUT", Server.get("/api/charge-points/" + id + "/commands?limit=2").array()
                .getJsonObject(1).getString("outcome"));
    }

    @Test
    void secondCommandWaitsForTheCallInFlightAndTheChargersOwnCallsGoOn() throws Exception {
        CompletableFuture<Reply> first = command(id, "ClearCache", "{}");
        JsonArray call1 = charger.next();
        CompletableFuture<Reply> second = command(id, "GetLocalListVersion", "{}");
        assertNull(charger.poll(Duration.ofMillis(1500)), "no second CALL while the first is unanswered");
        assertTrue(charger.ok("Heartbeat", "{}").containsKey("currentTime"),
                "the charger's own CALLs are answered meanwhile");
        charger.send("[3,\"" + call1.getString(1) + "\",{\"status\":\"Accepted\"}]");
        JsonArray call2 = charger.next();
        assertEquals("GetLocalListVersion", call2.getString(2));
        charger.send("[3,\"" + call2.getString(1) + "\",{\"listVersion\":9}]");
        assertEquals(200, first.get(20, TimeUnit.SECONDS).status());
        assertEquals(9, second.get(20, TimeUnit.SECONDS).object().getInt("listVersion"));
    }

    @Test
    void badRequestsAreRefusedBeforeReachingTheCharger() throws Exception {
        Reply invalid = Server.post("/api/charge-points/" + id + "/commands/Reset", "{\"type\":\"Gentle\"}");
        assertEquals(400, invalid.status(), invalid.body());
        assertFalse(invalid.object().getJsonArray("violations").isEmpty());
        Reply missing = Server.post("/api/charge-points/" + id + "/commands/ChangeConfiguration", "{\"key\":\"K\"}");
        assertEquals(400, missing.status());
        assertTrue(missing.object().getJsonArray("violations").getString(0).contains("value"), missing.body());
        assertEquals(400, Server.post("/api/charge-points/" + id + "/commands/FlyToTheMoon", "{}").status());
        assertEquals(400, Server.post("/api/charge-points/" + id + "/commands/BootNotification", "{}").status(),
                "a charger-initiated action is no command");
        assertEquals(400, Server.post("/api/charge-points/" + id + "/commands/Reset", "not json").status());
        assertNull(charger.poll(Duration.ofMillis(500)), "nothing was sent to the charger");
        assertEquals(400, Server.get("/api/charge-points/" + id + "/commands?limit=abc").status());
        assertEquals(400, Server.get("/api/charge-points/" + id + "/commands?limit=501").status());
    }

    @Test
    void unknownChargerIs404AndDisconnectedIs409AtOnce() {
        assertEquals(404, Server.post("/api/charge-points/NOPE-" + System.nanoTime() + "/commands/ClearCache", "{}")
                .status());
        String offline = Server.uniqueId("OFF");
        Server.register("{\"id\":\"" + offline + "\"}");
        long start = System.nanoTime();
        Reply r = Server.post("/api/charge-points/" + offline + "/commands/ClearCache", "{}");
        assertEquals(409, r.status(), r.body());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 3, "at once, not after a timeout");
        assertEquals(404, Server.get("/api/charge-points/NOPE-" + System.nanoTime() + "/commands").status());
    }

    @Test
    void commandsNeedAdminCredentials() {
        assertEquals(401, Server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        Server.httpBase() + "/api/charge-points/" + id + "/commands/ClearCache"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).status());
    }
}
