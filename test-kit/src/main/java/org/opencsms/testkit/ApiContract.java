package org.opencsms.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The black-box contract of the REST API and the health endpoint, run unchanged against every server
 * we ship (Open Liberty in the ear module, Payara Micro in payara-micro): the same request gets the
 * same answer everywhere. A server module runs it by extending this class and naming its system.
 */
public abstract class ApiContract {

    /** The system under test. */
    protected abstract Api api();

    @Test
    void readinessNamesTheNodeAndAnswersInTheSameShapeEverywhere() {
        Reply r = Api.send(api().anonymous("/health/ready").GET());
        assertEquals(200, r.status(), r.body());
        JsonObject health = r.object();
        assertEquals("UP", health.getString("status"));
        assertEquals(2, health.getJsonArray("checks").size(), r.body());
        JsonObject deployed = check(health, "csms-deployed");
        assertEquals("UP", deployed.getString("status"), r.body());
        assertEquals("csms", deployed.getJsonObject("data").getString("application"), r.body());
        JsonObject check = check(health, "cms-round-trip");
        assertEquals("UP", check.getString("status"));
        JsonObject data = check.getJsonObject("data");
        assertFalse(data.getString("node").isBlank(), r.body());
        // strings on every server (Payara renders every health data value as a string)
        assertEquals("true", data.getString("database"), r.body());
        assertEquals("true", data.getString("events"), r.body());
        assertEquals("true", data.getString("commands"), r.body());
        assertTrue(Long.parseLong(data.getString("deadLetters")) >= 0, r.body());
    }

    @Test
    void theApiNeedsTheAdminsCredentials() {
        assertEquals(401, Api.send(api().anonymous("/api/charge-points").GET()).status());
        assertEquals(401, Api.send(api().anonymous("/api/charge-points")
                .header("Authorization", Target.basic("admin", "wrong-password")).GET()).status());
        assertEquals(200, api().get("/api/charge-points").status());
    }

    @Test
    void malformedJsonIsABadRequestWithAReason() {
        for (String path : List.of("/api/charge-points", "/api/id-tags")) {
            for (String body : List.of("{\"id\":", "not json", "[1,2", "{\"idTag\":}")) {
                Reply r = api().post(path, body);
                assertError(400, r, "POST " + path + " " + body);
            }
        }
    }

    @Test
    void aBodyOfTheWrongTypeIsABadRequest() {
        assertError(400, api().post("/api/charge-points", "{\"id\":\"X-1\",\"securityProfile\":\"high\"}"),
                "securityProfile as a string");
        assertError(400, api().post("/api/id-tags", "{\"idTag\":\"T-1\",\"allowConcurrentTx\":\"maybe\"}"),
                "allowConcurrentTx as a string");
        assertError(400, api().post("/api/id-tags", "[]"), "an array instead of an object");
        for (String flag : new String[] {"true", "false"}) {
            String tag = Api.uniqueId("B");
            Reply r = api().post("/api/id-tags", "{\"idTag\":\"" + tag + "\",\"allowConcurrentTx\":" + flag + "}");
            assertEquals(201, r.status(), r.body());
            assertEquals(Boolean.parseBoolean(flag), r.object().getBoolean("allowConcurrentTx"), r.body());
        }
    }

    @Test
    void aChargePointsValidationModeIsChangedOrRefusedWithAReason() {
        String id = Api.uniqueId("VM");
        assertEquals(201, api().post("/api/charge-points", "{\"id\":\"" + id + "\"}").status());
        String path = "/api/charge-points/" + id;
        assertEquals("strict", api().get(path).object().getString("validation"));
        for (String body : List.of("{\"validation\":", "{\"validation\":\"loose\"}", "{\"validation\":1}",
                "{\"mode\":\"relaxed\"}", "{}", "[]")) {
            assertError(400, api().put(path, body), "PUT " + path + " " + body);
        }
        Reply relaxed = api().put(path, "{\"validation\":\"relaxed\"}");
        assertEquals(200, relaxed.status(), relaxed.body());
        assertEquals("relaxed", relaxed.object().getString("validation"));
        assertEquals("relaxed", api().get(path).object().getString("validation"));
        assertError(404, api().put(path + "-NONE", "{\"validation\":\"relaxed\"}"), "PUT of an unknown charge point");
    }

    @Test
    void anUnsupportedMediaTypeIsRefused() {
        Reply r = Api.send(api().request("/api/charge-points").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"X\"}")));
        assertEquals(415, r.status(), r.body());
    }

    @Test
    void unknownResourcesAre404WithAReason() {
        assertError(404, api().get("/api/charge-points/" + Api.uniqueId("NOPE")), "unknown charge point");
        assertError(404, api().get("/api/id-tags/" + Api.uniqueId("NOPE")), "unknown id tag");
        assertError(404, api().get("/api/transactions/2147483000"), "unknown transaction");
        assertError(404, api().delete("/api/charge-points/" + Api.uniqueId("NOPE")), "delete unknown charge point");
        assertError(404, api().post("/api/charge-points/" + Api.uniqueId("NOPE") + "/commands/Reset",
                "{\"type\":\"Soft\"}"), "command to an unknown charge point");
    }

    @Test
    void aSecondRegistrationIsAConflict() {
        String id = Api.uniqueId("DUP");
        assertEquals(201, api().post("/api/charge-points", "{\"id\":\"" + id + "\"}").status());
        assertError(409, api().post("/api/charge-points", "{\"id\":\"" + id + "\"}"), "second registration");
        String tag = Api.uniqueId("DUP");
        assertEquals(201, api().post("/api/id-tags", "{\"idTag\":\"" + tag + "\"}").status());
        assertError(409, api().post("/api/id-tags", "{\"idTag\":\"" + tag.toLowerCase() + "\"}"),
                "the same tag in another case (id tags compare case-insensitively)");
    }

    @Test
    void badPagingIsABadRequest() {
        assertError(400, api().get("/api/transactions?limit=abc"), "limit=abc");
        assertError(400, api().get("/api/transactions?offset=-1"), "offset=-1");
        assertError(400, api().get("/api/transactions?limit=100000"), "limit over the maximum");
    }

    @Test
    void badCommandsAreRefusedBeforeTheyAreSent() {
        String id = Api.uniqueId("CMDX");
        assertEquals(201, api().post("/api/charge-points", "{\"id\":\"" + id + "\"}").status());
        String base = "/api/charge-points/" + id + "/commands/";
        assertError(400, api().post(base + "FooBar", "{}"), "unknown action");
        assertError(400, api().post(base + "Reset", "{\"type\":\"Sideways\"}"), "invalid payload");
        assertError(400, api().post(base + "Reset", "{\"type\":"), "malformed payload");
        assertError(409, api().post(base + "Reset", "{\"type\":\"Soft\"}"), "a charger that is not connected");
    }

    /**
     * Every printable ASCII character in an id tag: either the tag is created and then readable,
     * changeable and deletable at its URL, or it is refused at creation with a 400 that says why.
     */
    @Test
    void everyIdTagThatCanBeCreatedCanBeAddressed() {
        List<String> problems = new ArrayList<>();
        String run = Api.uniqueId("").substring(1, 5);
        for (char c = 0x20; c < 0x7f; c++) {
            for (String tag : List.of("A" + c + run, c + "B" + run)) {
                String json = jsonString(tag);
                Reply created = api().post("/api/id-tags", "{\"idTag\":" + json + "}");
                if (created.status() == 400) {
                    if (!created.object().getString("error").contains("idTag")) {
                        problems.add(tag + ": refused without saying why: " + created.body());
                    }
                    continue;
                }
                if (created.status() != 201) {
                    problems.add(tag + ": create answered " + created);
                    continue;
                }
                String path = "/api/id-tags/" + Api.segment(tag);
                Reply read = api().get(path);
                if (read.status() != 200 || !tag.equals(read.object().getString("idTag"))) {
                    problems.add(tag + ": created, but GET " + path + " answered " + read);
                    continue;
                }
                Reply changed = api().put(path, "{\"idTag\":" + json + ",\"status\":\"Blocked\"}");
                if (changed.status() != 200 || !"Blocked".equals(changed.object().getString("status"))) {
                    problems.add(tag + ": created, but PUT " + path + " answered " + changed);
                }
                Reply deleted = api().delete(path);
                if (deleted.status() != 204 || api().get(path).status() != 404) {
                    problems.add(tag + ": created, but DELETE " + path + " answered " + deleted);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void idTagsThatNoUrlCanAddressAreRefusedWithAReason() {
        for (String tag : List.of("../../etc/passwd", "<script>alert(1)</sc", "a/b", "a\\b", ".", "..")) {
            Reply r = api().post("/api/id-tags", "{\"idTag\":" + jsonString(tag) + "}");
            assertError(400, r, tag);
            assertTrue(r.object().getString("error").contains("URL"), r.body());
        }
    }

    @Test
    void markupInAnIdTagIsStoredAndReturnedAsData() {
        String tag = "<i>\"'&" + Api.uniqueId("").substring(1, 5);
        Reply created = api().post("/api/id-tags", "{\"idTag\":" + jsonString(tag) + "}");
        assertEquals(201, created.status(), created.body());
        assertEquals(tag, created.object().getString("idTag"));
        assertEquals(tag, api().get("/api/id-tags/" + Api.segment(tag)).object().getString("idTag"));
    }

    @Test
    void chargePointIdsThatCanBeRegisteredCanBeAddressed() {
        String run = Api.uniqueId("").substring(1, 5);
        for (char c : "*-_=:+|@.".toCharArray()) {
            String id = "CP" + c + run;
            Reply created = api().post("/api/charge-points", "{\"id\":" + jsonString(id) + "}");
            assertEquals(201, created.status(), id + ": " + created);
            String path = "/api/charge-points/" + Api.segment(id);
            Reply read = api().get(path);
            assertEquals(200, read.status(), id + ": " + read);
            assertEquals(id, read.object().getString("id"));
            assertEquals(204, api().delete(path).status(), id);
            assertEquals(404, api().get(path).status(), id);
        }
        for (String id : List.of(".", "..", "a/b", "a b", "<script>", "x".repeat(49), "")) {
            assertError(400, api().post("/api/charge-points", "{\"id\":" + jsonString(id) + "}"), "id " + id);
        }
    }

    /** The readiness check of that name. */
    protected static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    /** An error answer: the status, and a JSON body {status, error, violations} that says why. */
    protected static void assertError(int status, Reply r, String what) {
        assertEquals(status, r.status(), what + ": " + r.body());
        JsonObject body;
        try {
            body = r.object();
        } catch (RuntimeException e) {
            throw new AssertionError(what + ": the error body is not a JSON object: " + r.body(), e);
        }
        assertEquals(status, body.getInt("status"), what + ": " + r.body());
        assertFalse(body.getString("error").isBlank(), what + ": " + r.body());
    }

    protected static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
