package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * An event listener that fails: the event is redelivered and stored exactly once; one that keeps
 * failing is kept in the dead-letter store (visible, replayable, deletable) with a log line, not
 * dropped and not retried in a hot loop. The test servers have the test-only jar test-faults in
 * their library: events of FAULT-ONCE-* chargers fail once after they were stored, those of
 * FAULT-ALWAYS-* always, those of FAULT-REPLAYABLE-* until an operator replays them.
 */
class FaultIT {

    @Test
    void eventFailingOnceAfterItWasStoredIsNeitherLostNorDuplicated() {
        String id = Server.uniqueId("FAULT-ONCE");
        Server.register("{\"id\":\"" + id + "\"}");
        int tx;
        try (ChargePointClient c = ChargePointClient.connect(id)) {
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
    void eventThatKeepsFailingIsKeptAsADeadLetterThatAnOperatorCanSeeAndDelete() {
        String id = Server.uniqueId("FAULT-ALWAYS");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            c.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Faulted\"}");
        }
        JsonObject letter = awaitDeadLetter(id);
        assertEquals("StatusChanged", letter.getString("type"));
        assertTrue(letter.getString("failure").contains("injected failure"), letter.toString());
        assertTrue(letter.getString("body").contains("Faulted"), "the event as it was sent: " + letter);
        assertTrue(log().contains("kept as dead letter " + letter.getJsonNumber("id")), "a log line names it");
        long attempts = countStatusFailures(id);
        sleep(3000);
        assertEquals(attempts, countStatusFailures(id), "no more deliveries once it is kept");
        assertEquals(0, Server.get("/api/charge-points/" + id).object().getJsonArray("connectors").size());

        long deadLetterId = letter.getJsonNumber("id").longValue();
        Reply replay = Server.post("/api/dead-letters/" + deadLetterId + "/replay", "");
        assertEquals(409, replay.status(), "it fails again: " + replay.body());
        assertEquals(letter.getInt("attempts") + 1, find(id).orElseThrow().getInt("attempts"));
        assertEquals(204, Server.delete("/api/dead-letters/" + deadLetterId).status());
        assertTrue(find(id).isEmpty(), "deleted");
        assertEquals(404, Server.delete("/api/dead-letters/" + deadLetterId).status());

        // other chargers' events are processed meanwhile
        String healthy = Server.uniqueId("HEALTHY");
        Server.register("{\"id\":\"" + healthy + "\"}");
        try (ChargePointClient c = ChargePointClient.connect(healthy)) {
            c.ok("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
        }
        Server.awaitObject("/api/charge-points/" + healthy, o -> o.getJsonArray("connectors").size() == 1);
    }

    @Test
    void aDeadLetterReplayedByAnOperatorIsStoredAndRemoved() {
        String id = Server.uniqueId("FAULT-REPLAYABLE");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            c.ok("StatusNotification", "{\"connectorId\":2,\"errorCode\":\"NoError\",\"status\":\"Preparing\"}");
        }
        long deadLetterId = awaitDeadLetter(id).getJsonNumber("id").longValue();
        Reply replay = Server.post("/api/dead-letters/" + deadLetterId + "/replay", "");
        assertEquals(200, replay.status(), replay.body());
        JsonObject cp = Server.get("/api/charge-points/" + id).object();
        assertEquals("Preparing", cp.getJsonArray("connectors").getJsonObject(0).getString("status"));
        assertTrue(find(id).isEmpty(), "removed once stored");
    }

    private static JsonObject awaitDeadLetter(String chargePointId) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonObject> found = find(chargePointId);
            if (found.isPresent()) {
                return found.get();
            }
            sleep(300);
        }
        throw new AssertionError("no dead letter of " + chargePointId + " within 90 s");
    }

    /** The charger's kept StatusChanged event (its session events are kept too: they fail alike). */
    private static Optional<JsonObject> find(String chargePointId) {
        Reply r = Server.get("/api/dead-letters?limit=500");
        assertEquals(200, r.status(), r.body());
        return r.array().stream().map(v -> v.asJsonObject())
                .filter(o -> chargePointId.equals(o.getString("chargePointId")))
                .filter(o -> "StatusChanged".equals(o.getString("type"))).findFirst();
    }

    private static long countStatusFailures(String id) {
        return log().lines().filter(l -> l.contains("Event 'StatusChanged' of '" + id + "' failed")).count();
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
