package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Reply;

/** The id tag REST API. */
class IdTagIT {

    @Test
    void createReadUpdateDelete() {
        String tag = Server.uniqueId("T");
        Reply created = Server.post("/api/id-tags", """
                {"idTag":"%s","status":"Accepted","expiryDate":null,"parentIdTag":null}""".formatted(tag));
        assertEquals(201, created.status(), created.body());
        assertEquals(tag, created.object().getString("idTag"));
        assertEquals(409, Server.post("/api/id-tags", "{\"idTag\":\"" + tag + "\"}").status());

        JsonObject found = Server.get("/api/id-tags/" + tag).object();
        assertEquals("Accepted", found.getString("status"));
        assertTrue(Server.get("/api/id-tags").array().stream()
                .anyMatch(v -> v.asJsonObject().getString("idTag").equals(tag)));

        Reply updated = Server.send(Server.request("/api/id-tags/" + tag)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"status":"Blocked","expiryDate":"2030-01-01T00:00:00Z","parentIdTag":"GROUP-1"}""")));
        assertEquals(200, updated.status(), updated.body());
        JsonObject after = Server.get("/api/id-tags/" + tag).object();
        assertEquals("Blocked", after.getString("status"));
        assertEquals("2030-01-01T00:00:00Z", after.getString("expiryDate"));
        assertEquals("GROUP-1", after.getString("parentIdTag"));

        assertEquals(204, Server.delete("/api/id-tags/" + tag).status());
        assertEquals(404, Server.get("/api/id-tags/" + tag).status());
        assertEquals(404, Server.delete("/api/id-tags/" + tag).status());
        assertEquals(404, Server.send(Server.request("/api/id-tags/" + tag).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":\"Accepted\"}"))).status());
    }

    @Test
    void invalidTagsGet400() {
        for (String bad : new String[] {"{\"idTag\":\"\"}", "{\"idTag\":\"123456789012345678901\"}", "{}",
                "{\"idTag\":\"OK\",\"status\":\"Expired\"}", "{\"idTag\":\"OK\",\"parentIdTag\":\"123456789012345678901\"}",
                "{\"idTag\":\"OK\",\"expiryDate\":\"not a date\"}", "[1,2]"}) {
            Reply r = Server.post("/api/id-tags", bad);
            assertEquals(400, r.status(), bad + " -> " + r.body());
            assertFalse(r.object().getString("error").isBlank());
        }
    }

    @Test
    void needsAdminCredentials() {
        assertEquals(401, Server.send(HttpRequest.newBuilder(java.net.URI.create(Server.httpBase() + "/api/id-tags")))
                .status());
    }
}
