package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Reply;

/** The charge point REST API: credentials, status codes and shapes. */
class RestIT {

    @Test
    void apiNeedsAdminCredentials() {
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(URI.create(Server.httpBase() + "/api/charge-points"));
        Reply none = Server.send(anonymous);
        assertEquals(401, none.status());
        String wrong = "Basic " + Base64.getEncoder().encodeToString("admin:nope".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, Server.send(HttpRequest.newBuilder(URI.create(Server.httpBase() + "/api/charge-points"))
                .header("Authorization", wrong)).status());
        assertEquals(200, Server.get("/api/charge-points").status());
    }

    @Test
    void registerListFindDelete() {
        String id = Server.uniqueId("REST");
        Reply created = Server.post("/api/charge-points", "{\"id\":\"" + id + "\",\"password\":null}");
        assertEquals(201, created.status(), created.body());
        JsonObject body = created.object();
        assertEquals(id, body.getString("id"));
        assertFalse(body.getBoolean("connected"));
        assertTrue(body.getJsonArray("connectors").isEmpty());
        assertTrue(body.containsKey("vendor"), "null fields are shown: " + body);

        assertEquals(409, Server.post("/api/charge-points", "{\"id\":\"" + id + "\"}").status());
        assertTrue(Server.get("/api/charge-points").array().stream()
                .anyMatch(v -> v.asJsonObject().getString("id").equals(id)));
        assertEquals(200, Server.get("/api/charge-points/" + id).status());

        assertEquals(204, Server.delete("/api/charge-points/" + id).status());
        assertEquals(404, Server.get("/api/charge-points/" + id).status());
        assertEquals(404, Server.delete("/api/charge-points/" + id).status());
    }

    @Test
    void invalidInputGets400WithAMessage() {
        for (String bad : new String[] {"{\"id\":\"has space\"}", "{\"id\":\"\"}", "{}",
                "{\"id\":\"" + "x".repeat(49) + "\"}", "{\"id\":\"OK-1\",\"securityProfile\":3}",
                "{\"id\":\"OK-2\",\"securityProfile\":2}", "not json", "{\"id\":\"OK-3\",\"password\":\"\"}"}) {
            Reply r = Server.post("/api/charge-points", bad);
            assertEquals(400, r.status(), bad + " -> " + r.body());
            assertFalse(r.object().getString("error").isBlank(), bad);
        }
    }

    @Test
    void unknownChargePointIs404() {
        Reply r = Server.get("/api/charge-points/NOPE-" + System.nanoTime());
        assertEquals(404, r.status());
        assertTrue(r.object().getString("error").contains("no charge point"));
    }
}
