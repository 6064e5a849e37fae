package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;

/** A charger boots, heartbeats and reports status; everything reaches the database and the API. */
class BootIT {
    private static final String BOOT = """
            {"chargePointVendor":"VendorX","chargePointModel":"ModelY","chargePointSerialNumber":"SN-1",
             "firmwareVersion":"1.2.3"}""";

    @Test
    void registeredChargerBootsHeartbeatsAndReportsStatus() {
        String id = Server.uniqueId("BOOT");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            assertEquals("ocpp1.6", charger.subprotocol());

            JsonObject boot = charger.ok("BootNotification", BOOT);
            assertEquals("Accepted", boot.getString("status"));
            assertTrue(boot.getInt("interval") > 0);
            Instant currentTime = Instant.parse(boot.getString("currentTime"));
            assertTrue(boot.getString("currentTime").endsWith("Z"), boot.toString());
            assertTrue(Duration.between(currentTime, Instant.now()).abs().toSeconds() < 60);

            JsonObject heartbeat = charger.ok("Heartbeat", "{}");
            Instant beat = Instant.parse(heartbeat.getString("currentTime"));

            charger.ok("StatusNotification", """
                    {"connectorId":0,"errorCode":"NoError","status":"Available"}""");
            charger.ok("StatusNotification", """
                    {"connectorId":1,"errorCode":"GroundFailure","status":"Faulted","info":"earth leak",
                     "timestamp":"2026-01-01T10:00:00Z"}""");

            JsonObject cp = Server.awaitObject("/api/charge-points/" + id,
                    o -> o.getJsonArray("connectors").size() == 2 && o.getBoolean("connected"));
            assertEquals(id, cp.getString("id"));
            assertEquals("ocpp1.6", cp.getString("ocppVersion"));
            assertEquals("VendorX", cp.getString("vendor"));
            assertEquals("ModelY", cp.getString("model"));
            assertEquals("SN-1", cp.getString("serialNumber"));
            assertEquals("1.2.3", cp.getString("firmwareVersion"));
            assertFalse(Instant.parse(cp.getString("lastSeen")).isBefore(beat.minusSeconds(1)));
            JsonArray connectors = cp.getJsonArray("connectors");
            assertEquals(0, connectors.getJsonObject(0).getInt("connectorId"));
            assertEquals("Available", connectors.getJsonObject(0).getString("status"));
            assertEquals("NoError", connectors.getJsonObject(0).getString("errorCode"));
            assertEquals(1, connectors.getJsonObject(1).getInt("connectorId"));
            assertEquals("Faulted", connectors.getJsonObject(1).getString("status"));
            assertEquals("GroundFailure", connectors.getJsonObject(1).getString("errorCode"));
        }
        Server.awaitObject("/api/charge-points/" + id, o -> !o.getBoolean("connected"));
    }

    @Test
    void olderStatusReportArrivingLateDoesNotOverwriteANewerOne() {
        String id = Server.uniqueId("ORDER");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            charger.ok("StatusNotification", """
                    {"connectorId":2,"errorCode":"NoError","status":"Charging","timestamp":"2026-01-01T10:00:05Z"}""");
            charger.ok("StatusNotification", """
                    {"connectorId":2,"errorCode":"NoError","status":"Preparing","timestamp":"2026-01-01T10:00:00Z"}""");
            charger.ok("StatusNotification", """
                    {"connectorId":3,"errorCode":"NoError","status":"Available"}""");
            JsonObject cp = Server.awaitObject("/api/charge-points/" + id, o -> o.getJsonArray("connectors").size() == 2);
            assertEquals("Charging", cp.getJsonArray("connectors").getJsonObject(0).getString("status"));
        }
    }

    @Test
    void unregisteredChargerIsRejectedAndNotRecorded() {
        String id = Server.uniqueId("UNREG");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            JsonObject boot = charger.ok("BootNotification", BOOT);
            assertEquals("Rejected", boot.getString("status"));
            assertTrue(boot.getInt("interval") > 0);
            assertTrue(boot.containsKey("currentTime"));
        }
        assertEquals(404, Server.get("/api/charge-points/" + id).status());
    }

    @Test
    void registeredChargerThatReconnectsWithoutBootingIsServed() {
        String id = Server.uniqueId("REBOOT");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient first = ChargePointClient.connect(id)) {
            first.ok("BootNotification", BOOT);
        }
        try (ChargePointClient again = ChargePointClient.connect(id)) {
            assertTrue(again.ok("Heartbeat", "{}").containsKey("currentTime"));
            again.ok("StatusNotification", """
                    {"connectorId":1,"errorCode":"NoError","status":"Available"}""");
            Server.awaitObject("/api/charge-points/" + id,
                    o -> o.getBoolean("connected") && o.getJsonArray("connectors").size() == 1);
        }
    }
}
