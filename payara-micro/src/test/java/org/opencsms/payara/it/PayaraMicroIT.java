package org.opencsms.payara.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Api;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * csms.war on a real Payara Micro, started as the README starts it, against RabbitMQ and PostgreSQL;
 * driven from outside like a charger and an operator would. No node id is set: the default
 * (host name and HTTP port) must route commands to this node.
 */
class PayaraMicroIT {
    private final Api api = PayaraMicroProcess.Shared.SERVER.api();

    @Test
    void theDefaultNodeIdIsTheHostNameAndTheHttpPort() {
        String node = api.nodeId();
        assertTrue(node.endsWith("-" + Integer.getInteger("csms.http.port", 18280)), node);
    }

    @Test
    void bootAndHeartbeat() {
        String id = Api.uniqueId("PM-BOOT");
        api.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(api.target(), id)) {
            assertEquals("ocpp1.6", charger.subprotocol());
            JsonObject boot = charger.ok("BootNotification",
                    "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            assertEquals("Accepted", boot.getString("status"));
            assertTrue(boot.getInt("interval") > 0);
            JsonObject heartbeat = charger.ok("Heartbeat", "{}");
            assertTrue(heartbeat.getString("currentTime").endsWith("Z"), heartbeat.toString());
        }
        JsonObject cp = api.get("/api/charge-points/" + id).object();
        assertEquals("ACME", cp.getString("vendor"));
        assertEquals("Wallbox", cp.getString("model"));
    }

    @Test
    void statusNotificationReachesTheDatabase() {
        String id = Api.uniqueId("PM-STATUS");
        api.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(api.target(), id)) {
            charger.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            assertEquals(JsonValue.EMPTY_JSON_OBJECT, charger.ok("StatusNotification",
                    "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}"));
            // events are handled asynchronously (event topic -> EventListener -> database)
            JsonObject cp = api.awaitObject("/api/charge-points/" + id, o -> !o.getJsonArray("connectors").isEmpty(),
                    Duration.ofSeconds(15));
            JsonObject connector = cp.getJsonArray("connectors").getJsonObject(0);
            assertEquals(1, connector.getInt("connectorId"));
            assertEquals("Available", connector.getString("status"));
            assertEquals("NoError", connector.getString("errorCode"));
        }
    }

    @Test
    void commandRoundTrip() throws Exception {
        String id = Api.uniqueId("PM-CMD");
        api.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(api.target(), id)) {
            charger.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            api.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"), Duration.ofSeconds(15));
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> api.post(
                    "/api/charge-points/" + id + "/commands/ClearCache", "{}"));
            // REST -> CMS -> command topic (selector targetNode = this node) -> CommandListener -> socket
            JsonArray call = charger.next();
            assertEquals(2, call.getInt(0));
            assertEquals("ClearCache", call.getString(2));
            charger.answer(call, "{\"status\":\"Accepted\"}");
            Reply r = reply.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("Accepted", r.object().getString("status"));
        }
    }
}
