package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Charger;

/**
 * An event listener that fails: the event is redelivered and stored exactly once; one that keeps
 * failing ends in the dead-letter destination with a log line, not in a hot loop. The test server
 * runs with CSMS_FAULT_INJECTION=true: events of FAULT-ONCE-* chargers fail once after they were
 * stored, those of FAULT-ALWAYS-* chargers always.
 */
class FaultIT {

    @Test
    void eventFailingOnceAfterItWasStoredIsNeitherLostNorDuplicated() {
        String id = Server.uniqueId("FAULT-ONCE");
        Server.register("{\"id\":\"" + id + "\"}");
        int tx;
        try (Charger c = Charger.connect(id)) {
            tx = Sessions.startedId(c, 1, "ANY", 0, "2026-05-01T10:00:00Z");
            Sessions.meter(c, 1, tx, "2026-05-01T10:10:00Z", 1000, 8.0);
            Sessions.meter(c, 1, tx, "2026-05-01T10:20:00Z", 2000, 8.5);
            c.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Charging\"}");
        }
        JsonObject t = Server.awaitObject("/api/transactions/" + tx, o -> o.getJsonArray("meterValues").size() >= 4);
        sleep(1500);
        assertEquals(4, Server.get("/api/transactions/" + tx).object().getJsonArray("meterValues").size(),
                "each sampled value once although each event was delivered twice: " + t);
        JsonObject cp = Server.awaitObject("/api/charge-points/" + id, o -> o.getJsonArray("connectors").size() == 1);
        assertEquals("Charging", cp.getJsonArray("connectors").getJsonObject(0).getString("status"));
        assertTrue(log().contains("injected failure after storing MeterValues of " + id),
                "the injected failure happened");
    }

    @Test
    void eventThatKeepsFailingIsDeadLetteredWithALogLineAndOthersGoOn() {
        String id = Server.uniqueId("FAULT-ALWAYS");
        Server.register("{\"id\":\"" + id + "\"}");
        try (Charger c = Charger.connect(id)) {
            c.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Faulted\"}");
        }
        // the embedded engine dead-letters silently, so the listener logs it; with RabbitMQ our adapter does
        Instant deadline = Instant.now().plusSeconds(60);
        while (!deadLettered(id) && Instant.now().isBefore(deadline)) {
            sleep(200);
        }
        assertTrue(deadLettered(id), "dead-letter log line");
        long attempts = countStatusFailures();
        sleep(3000);
        assertEquals(attempts, countStatusFailures(), "no more attempts after dead-lettering");
        assertEquals(0, Server.get("/api/charge-points/" + id).object().getJsonArray("connectors").size());

        // other chargers' events are processed meanwhile
        String healthy = Server.uniqueId("HEALTHY");
        Server.register("{\"id\":\"" + healthy + "\"}");
        try (Charger c = Charger.connect(healthy)) {
            c.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
        }
        Server.awaitObject("/api/charge-points/" + healthy, o -> o.getJsonArray("connectors").size() == 1);
    }

    private static boolean deadLettered(String id) {
        return log().lines().anyMatch(l -> (l.contains("giving up: the broker moves it to the dead-letter destination")
                || l.contains("Dead-lettered message")) && l.contains("injected failure for StatusChanged of " + id));
    }

    private static long countStatusFailures() {
        return log().lines().filter(l -> l.contains("Event StatusChanged failed")).count();
    }

    /** The logs of every node: events are consumed by whichever node's listener takes them. */
    private static String log() {
        StringBuilder all = new StringBuilder();
        for (String file : System.getProperty("csms.logs", System.getProperty("csms.log")).split(",")) {
            try {
                all.append(Files.readString(Path.of(file))).append('\n');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return all.toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
