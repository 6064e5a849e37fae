package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * Firmware and diagnostics jobs through the REST API, with real WebSocket charge points: the command and
 * its answer, then the status notifications the charge point sends, until a final status closes the job.
 * Also the configuration a GetConfiguration sent through the command endpoint leaves.
 */
class FirmwareJobIT {

    private static ChargePointClient connected(String id) {
        Server.register("{\"id\":\"" + id + "\"}");
        ChargePointClient charger = ChargePointClient.connect(id);
        Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
        return charger;
    }

    private static CompletableFuture<Reply> post(String path, String body) {
        return CompletableFuture.supplyAsync(() -> Server.post(path, body));
    }

    /** The newest job once it satisfies {@code condition} (notifications are stored asynchronously). */
    private static JsonObject awaitNewestJob(String path, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            JsonArray jobs = Server.get(path).array();
            job = jobs.isEmpty() ? null : jobs.getJsonObject(0);
            if (job != null && condition.test(job)) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job at " + path + " not as expected: " + job);
    }

    private static List<String> history(JsonObject job) {
        return job.getJsonArray("statusHistory").stream().map(s -> ((JsonObject) s).getString("status")).toList();
    }

    @Test
    void firmwareJobFollowsTheStatusNotificationsUntilInstalled() throws Exception {
        String id = Server.uniqueId("FW");
        try (ChargePointClient charger = connected(id)) {
            String path = "/api/charge-points/" + id + "/firmware";
            CompletableFuture<Reply> sent = post(path, """
                    {"location":"https://example.com/fw-2.1.bin","retrieveDate":"2030-01-01T00:00:00Z","retries":2,"retryInterval":30}""");
            JsonArray call = charger.next();
            assertEquals("UpdateFirmware", call.getString(2));
            assertEquals("https://example.com/fw-2.1.bin", call.getJsonObject(3).getString("location"));
            assertEquals(2, call.getJsonObject(3).getInt("retries"));
            charger.answer(call, "{}");
            Reply r = sent.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("RESULT", r.object().getString("outcome"));
            assertTrue(r.object().isNull("closedAt"));
            long jobId = r.object().getJsonNumber("id").longValue();

            for (String status : List.of("Downloading", "Downloaded", "Installing")) {
                charger.ok("FirmwareStatusNotification", "{\"status\":\"" + status + "\"}");
                awaitNewestJob(path, j -> status.equals(j.getString("status", null)));
            }
            assertTrue(Server.get(path).array().getJsonObject(0).isNull("closedAt"), "open until a final status");
            charger.ok("FirmwareStatusNotification", "{\"status\":\"Installed\"}");
            JsonObject job = awaitNewestJob(path, j -> !j.isNull("closedAt"));
            assertEquals(jobId, job.getJsonNumber("id").longValue());
            assertEquals("Installed", job.getString("status"));
            assertEquals(List.of("Installed", "Installing", "Downloaded", "Downloading"), history(job));
            assertEquals("admin", job.getString("requestedBy"));
            assertEquals("Installed", Server.get("/api/charge-points/" + id).object().getString("firmwareStatus"));
        }
    }

    @Test
    void diagnosticsJobKeepsTheFileNameUntilUploaded() throws Exception {
        String id = Server.uniqueId("DG");
        try (ChargePointClient charger = connected(id)) {
            String path = "/api/charge-points/" + id + "/diagnostics";
            CompletableFuture<Reply> sent = post(path, """
                    {"location":"ftp://example.com/upload","startTime":"2026-12-01T00:00:00Z","stopTime":null}""");
            JsonArray call = charger.next();
            assertEquals("GetDiagnostics", call.getString(2));
            assertEquals("2026-12-01T00:00:00Z", call.getJsonObject(3).getString("startTime"));
            assertFalse(call.getJsonObject(3).containsKey("stopTime"));
            charger.answer(call, "{\"fileName\":\"diag-" + id + ".zip\"}");
            Reply r = sent.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("diag-" + id + ".zip", r.object().getString("fileName"));

            charger.ok("DiagnosticsStatusNotification", "{\"status\":\"Uploading\"}");
            // as a charge point reports progress: the next status after this one is stored (events of one
            // charge point may be consumed in parallel; see the note on out-of-order notifications)
            awaitNewestJob(path, j -> "Uploading".equals(j.getString("status", null)));
            charger.ok("DiagnosticsStatusNotification", "{\"status\":\"Uploaded\"}");
            JsonObject job = awaitNewestJob(path, j -> !j.isNull("closedAt"));
            assertEquals(List.of("Uploaded", "Uploading"), history(job));
            assertEquals("diag-" + id + ".zip", job.getString("fileName"));
            assertTrue(Server.get("/api/charge-points/" + id + "/firmware").array().isEmpty());
        }
    }

    @Test
    void aRejectingOrSilentChargePointClosesTheJob() throws Exception {
        String id = Server.uniqueId("FWR");
        try (ChargePointClient charger = connected(id)) {
            String path = "/api/charge-points/" + id + "/firmware";
            CompletableFuture<Reply> sent = post(path,
                    "{\"location\":\"https://example.com/fw.bin\",\"retrieveDate\":\"2030-01-01T00:00:00Z\"}");
            JsonArray call = charger.next();
            charger.send("[4,\"" + call.getString(1) + "\",\"NotSupported\",\"no firmware updates\",{}]");
            Reply r = sent.get(20, TimeUnit.SECONDS);
            assertEquals(502, r.status(), r.body());
            assertEquals("NotSupported", r.object().getString("errorCode"));
            assertFalse(r.object().isNull("closedAt"));

            CompletableFuture<Reply> silent = post("/api/charge-points/" + id + "/diagnostics",
                    "{\"location\":\"ftp://example.com/upload\"}");
            charger.next();
            Reply timeout = silent.get(30, TimeUnit.SECONDS);
            assertEquals(504, timeout.status(), timeout.body());
            assertEquals("TIMEOUT", timeout.object().getString("outcome"));
        }
    }

    @Test
    void badRequestsAreRefusedBeforeReachingTheChargePoint() {
        String id = Server.uniqueId("FWB");
        try (ChargePointClient charger = connected(id)) {
            Reply noUri = Server.post("/api/charge-points/" + id + "/firmware",
                    "{\"location\":\"not a uri\",\"retrieveDate\":\"2030-01-01T00:00:00Z\",\"retries\":-1}");
            assertEquals(400, noUri.status(), noUri.body());
            assertEquals(2, noUri.object().getJsonArray("violations").size(), noUri.body());
            Reply noDate = Server.post("/api/charge-points/" + id + "/firmware", "{\"location\":\"https://example.com/f\"}");
            assertEquals(400, noDate.status(), noDate.body());
            assertTrue(noDate.object().getJsonArray("violations").stream()
                    .anyMatch(v -> ((JsonString) v).getString().contains("retrieveDate")), noDate.body());
            assertEquals(400, Server.post("/api/charge-points/" + id + "/diagnostics", "").status());
            assertEquals(400, Server.post("/api/charge-points/" + id + "/diagnostics",
                    "{\"location\":\"ftp://example.com/u\",\"startTime\":\"yesterday\"}").status());
            assertEquals(400, Server.post("/api/charge-points/" + id + "/diagnostics",
                    "{\"location\":\"ftp://example.com/u\",\"startTime\":\"2026-12-02T00:00:00Z\","
                            + "\"stopTime\":\"2026-12-01T00:00:00Z\"}").status());
            assertNull(charger.poll(Duration.ofMillis(500)), "nothing was sent to the charge point");
            assertTrue(Server.get("/api/charge-points/" + id + "/firmware").array().isEmpty(), "nor recorded");
        }
        assertEquals(404, Server.post("/api/charge-points/NOPE-" + System.nanoTime() + "/firmware",
                "{\"location\":\"https://example.com/f\",\"retrieveDate\":\"2030-01-01T00:00:00Z\"}").status());
        assertEquals(404, Server.get("/api/charge-points/NOPE-" + System.nanoTime() + "/diagnostics").status());
        String offline = Server.uniqueId("FWO");
        Server.register("{\"id\":\"" + offline + "\"}");
        assertEquals(409, Server.post("/api/charge-points/" + offline + "/diagnostics",
                "{\"location\":\"ftp://example.com/u\"}").status());
    }

    @Test
    void configurationIsStoredAfterAGetConfigurationThroughTheCommandEndpoint() throws Exception {
        String id = Server.uniqueId("CFG");
        try (ChargePointClient charger = connected(id)) {
            String path = "/api/charge-points/" + id + "/configuration";
            JsonObject never = Server.get(path).object();
            assertTrue(never.isNull("readAt"));
            assertTrue(never.getJsonArray("keys").isEmpty());

            CompletableFuture<Reply> read = post("/api/charge-points/" + id + "/commands/GetConfiguration", "{}");
            JsonArray call = charger.next();
            charger.answer(call, """
                    {"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"300"},
                                         {"key":"NumberOfConnectors","readonly":true,"value":"2"}]}""");
            assertEquals(200, read.get(20, TimeUnit.SECONDS).status());

            JsonObject stored = Server.get(path).object();
            assertFalse(stored.isNull("readAt"));
            JsonArray keys = stored.getJsonArray("keys");
            assertEquals(2, keys.size());
            assertEquals("HeartbeatInterval", keys.getJsonObject(0).getString("key"));
            assertEquals("300", keys.getJsonObject(0).getString("value"));
            assertTrue(keys.getJsonObject(1).getBoolean("readonly"));
            long commandId = Server.get("/api/charge-points/" + id + "/commands?limit=1").array().getJsonObject(0)
                    .getJsonNumber("id").longValue();
            assertEquals(commandId, stored.getJsonNumber("commandId").longValue());
        }
        assertEquals(404, Server.get("/api/charge-points/NOPE-" + System.nanoTime() + "/configuration").status());
    }
}
