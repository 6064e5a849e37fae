package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * Local authorization lists through the REST API, to real WebSocket charge points: the CMS builds and
 * versions the list, sends SendLocalList, records the answer and sends what changed in the next
 * differential update. Each test has a charge point of its own.
 */
class LocalListIT {

    private static ChargePointClient connected(String id) {
        Server.register("{\"id\":\"" + id + "\"}");
        ChargePointClient charger = ChargePointClient.connect(id);
        Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
        return charger;
    }

    private static String tag() {
        String tag = "LL" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, Server.post("/api/id-tags", "{\"idTag\":\"" + tag + "\"}").status());
        return tag;
    }

    private static CompletableFuture<Reply> post(String path, String body) {
        return CompletableFuture.supplyAsync(() -> Server.post(path, body));
    }

    private static Map<String, JsonObject> byTag(JsonArray list) {
        return list.stream().map(JsonObject.class::cast).collect(Collectors.toMap(o -> o.getString("idTag"), o -> o));
    }

    /** The CALL the charge point got, checked to be a SendLocalList. */
    private static JsonObject sendLocalList(ChargePointClient charger, JsonArray call) {
        assertEquals("SendLocalList", call.getString(2));
        return call.getJsonObject(3);
    }

    @Test
    void fullListThenABlockedTagInTheDifferentialUpdate() throws Exception {
        String id = Server.uniqueId("LL");
        String keep = tag();
        String block = tag();
        String delete = tag();
        try (ChargePointClient charger = connected(id)) {
            CompletableFuture<Reply> full = post("/api/charge-points/" + id + "/local-list",
                    "{\"updateType\":\"Full\",\"idTags\":[\"" + keep + "\",\"" + block + "\",\"" + delete + "\"]}");
            JsonArray call = charger.next();
            JsonObject payload = sendLocalList(charger, call);
            assertEquals("Full", payload.getString("updateType"));
            assertEquals(1, payload.getInt("listVersion"));
            Map<String, JsonObject> sent = byTag(payload.getJsonArray("localAuthorizationList"));
            assertEquals(3, sent.size());
            assertEquals("Accepted", sent.get(block).getJsonObject("idTagInfo").getString("status"));
            charger.answer(call, "{\"status\":\"Accepted\"}");
            Reply r = full.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("Accepted", r.object().getString("status"));
            assertTrue(r.object().getBoolean("confirmed"));
            assertEquals(3, r.object().getInt("entries"));

            assertEquals(200, Server.put("/api/id-tags/" + block, "{\"status\":\"Blocked\"}").status());
            assertEquals(204, Server.delete("/api/id-tags/" + delete).status());

            CompletableFuture<Reply> diff = post("/api/charge-points/" + id + "/local-list",
                    "{\"updateType\":\"Differential\",\"idTags\":[\"" + keep + "\"],\"listVersion\":null}");
            JsonArray call2 = charger.next();
            JsonObject payload2 = sendLocalList(charger, call2);
            assertEquals("Differential", payload2.getString("updateType"));
            assertEquals(2, payload2.getInt("listVersion"));
            Map<String, JsonObject> changes = byTag(payload2.getJsonArray("localAuthorizationList"));
            assertEquals("Blocked", changes.get(block).getJsonObject("idTagInfo").getString("status"),
                    "the tag blocked since the last update goes with the next differential one");
            assertFalse(changes.get(delete).containsKey("idTagInfo"), "the deleted tag is removed");
            assertEquals("Accepted", changes.get(keep).getJsonObject("idTagInfo").getString("status"));
            charger.answer(call2, "{\"status\":\"Accepted\"}");
            Reply r2 = diff.get(20, TimeUnit.SECONDS);
            assertEquals(200, r2.status(), r2.body());
            assertEquals(2, r2.object().getInt("listVersion"));
            assertEquals(1, r2.object().getInt("removals"));

            JsonObject list = Server.get("/api/charge-points/" + id + "/local-list").object();
            assertEquals(2, list.getInt("confirmedVersion"));
            assertEquals("SendLocalList", list.getString("confirmedBy"));
            assertEquals(2, list.getInt("entries"));
            assertEquals(2, list.getJsonArray("updates").size());
            assertEquals(2, list.getJsonArray("updates").getJsonObject(0).getInt("listVersion"), "newest first");
            assertEquals("admin", list.getJsonArray("updates").getJsonObject(0).getString("requestedBy"));
        }
    }

    @Test
    void versionMismatchIsRecordedAndConfirmsNothing() throws Exception {
        String id = Server.uniqueId("LLM");
        String t = tag();
        try (ChargePointClient charger = connected(id)) {
            CompletableFuture<Reply> update = post("/api/charge-points/" + id + "/local-list",
                    "{\"updateType\":\"Differential\",\"idTags\":[\"" + t + "\"],\"listVersion\":5}");
            JsonArray call = charger.next();
            assertEquals(5, sendLocalList(charger, call).getInt("listVersion"), "the explicit version");
            charger.answer(call, "{\"status\":\"VersionMismatch\"}");
            Reply r = update.get(20, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("VersionMismatch", r.object().getString("status"));
            assertFalse(r.object().getBoolean("confirmed"));
            JsonObject list = Server.get("/api/charge-points/" + id + "/local-list").object();
            assertTrue(list.isNull("confirmedVersion"));
            assertEquals(0, list.getInt("entries"));
            assertEquals("VersionMismatch", list.getJsonArray("updates").getJsonObject(0).getString("status"));

            // the next version is above the highest sent
            CompletableFuture<Reply> next = post("/api/charge-points/" + id + "/local-list",
                    "{\"updateType\":\"Full\",\"idTags\":[\"" + t + "\"]}");
            JsonArray call2 = charger.next();
            assertEquals(6, sendLocalList(charger, call2).getInt("listVersion"));
            charger.answer(call2, "{\"status\":\"Failed\"}");
            assertEquals("Failed", next.get(20, TimeUnit.SECONDS).object().getString("status"));
        }
    }

    @Test
    void aChargePointThatDoesNotAnswerIsRecordedAsTimeout() throws Exception {
        String id = Server.uniqueId("LLT");
        String t = tag();
        try (ChargePointClient charger = connected(id)) {
            CompletableFuture<Reply> update = post("/api/charge-points/" + id + "/local-list",
                    "{\"updateType\":\"Full\",\"idTags\":[\"" + t + "\"]}");
            sendLocalList(charger, charger.next());
            Reply r = update.get(30, TimeUnit.SECONDS);
            assertEquals(504, r.status(), r.body());
            assertEquals("TIMEOUT", r.object().getString("outcome"));
            JsonObject recorded = Server.get("/api/charge-points/" + id + "/local-list").object();
            assertEquals("TIMEOUT", recorded.getJsonArray("updates").getJsonObject(0).getString("outcome"));
            assertTrue(recorded.isNull("confirmedVersion"));
        }
    }

    @Test
    void callErrorIs502AndTheVersionReadIsRecorded() throws Exception {
        String id = Server.uniqueId("LLE");
        try (ChargePointClient charger = connected(id)) {
            CompletableFuture<Reply> update = post("/api/charge-points/" + id + "/local-list",
                    "{\"updateType\":\"Full\",\"idTags\":[]}");
            JsonArray call = charger.next();
            assertEquals(0, sendLocalList(charger, call).getJsonArray("localAuthorizationList").size(),
                    "an empty Full list clears the charge point's");
            charger.send("[4,\"" + call.getString(1) + "\",\"NotSupported\",\"no local list\",{}]");
            Reply r = update.get(20, TimeUnit.SECONDS);
            assertEquals(502, r.status(), r.body());
            assertEquals("CALL_ERROR", r.object().getString("outcome"));
            assertEquals("NotSupported", r.object().getString("errorCode"));

            CompletableFuture<Reply> read = post("/api/charge-points/" + id + "/local-list/version", "");
            JsonArray call2 = charger.next();
            assertEquals("GetLocalListVersion", call2.getString(2));
            charger.answer(call2, "{\"listVersion\":12}");
            Reply r2 = read.get(20, TimeUnit.SECONDS);
            assertEquals(200, r2.status(), r2.body());
            assertEquals(12, r2.object().getInt("listVersion"));
            JsonObject list = Server.get("/api/charge-points/" + id + "/local-list").object();
            assertEquals(12, list.getInt("confirmedVersion"));
            assertEquals("GetLocalListVersion", list.getString("confirmedBy"));
        }
    }

    @Test
    void badRequestsAreRefusedBeforeReachingTheChargePoint() {
        String id = Server.uniqueId("LLB");
        try (ChargePointClient charger = connected(id)) {
            String path = "/api/charge-points/" + id + "/local-list";
            Reply unknown = Server.post(path, "{\"updateType\":\"Full\",\"idTags\":[\"NO-SUCH-TAG-9\"]}");
            assertEquals(400, unknown.status(), unknown.body());
            assertEquals("unknown idTag NO-SUCH-TAG-9", unknown.object().getJsonArray("violations").getString(0));
            Reply bad = Server.post(path, "{\"updateType\":\"Partial\",\"idTags\":[\"x\",\"X\"],\"listVersion\":0}");
            assertEquals(400, bad.status(), bad.body());
            assertEquals(3, bad.object().getJsonArray("violations").size(), bad.body());
            assertEquals(400, Server.post(path, "").status());
            assertEquals(400, Server.post(path, "{not json").status());
            assertEquals(400, Server.get(path + "?limit=abc").status());
            assertNull(charger.poll(Duration.ofMillis(500)), "nothing was sent to the charge point");
            assertTrue(Server.get(path).object().getJsonArray("updates").isEmpty(), "nor recorded");
        }
        assertEquals(404, Server.post("/api/charge-points/NOPE-" + System.nanoTime() + "/local-list",
                "{\"updateType\":\"Full\",\"idTags\":[]}").status());
        assertEquals(404, Server.get("/api/charge-points/NOPE-" + System.nanoTime() + "/local-list").status());
        String offline = Server.uniqueId("LLO");
        Server.register("{\"id\":\"" + offline + "\"}");
        assertEquals(409, Server.post("/api/charge-points/" + offline + "/local-list",
                "{\"updateType\":\"Full\",\"idTags\":[]}").status());
        assertEquals(409, Server.post("/api/charge-points/" + offline + "/local-list/version", "").status());
    }
}
