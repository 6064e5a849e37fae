package org.opencsms.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;

/**
 * An event no queue takes is an error the charger sees, never a CALLRESULT for an event that was dropped;
 * and the system declares the queue again and consumes it once it may. The queue is deleted by the
 * broker's operator tool while the broker refuses to let anyone declare it (the guest user loses the
 * configure permission on it), so that neither the nodes' publishers nor their consumers can recreate it
 * before the charger's event arrives.
 */
class EventQueueIT {
    private static final String QUEUE = "csms.events";

    @Test
    void anEventNoQueueTakesIsRefusedAndEveryAnsweredOneIsStored() throws Exception {
        TwoNodeIT.bothNodesReady();
        Evidence evidence = Evidence.mark();
        String id = TwoNodeIT.register("UNROUTED");
        Set<Integer> accepted = new HashSet<>();
        int refused = 0;
        int m = 0;
        try (ChargePointClient c = Node.A.connect(id)) {
            int tx = TwoNodeIT.start(c);
            assertEquals(3, meter(c, tx, m).getInt(0));
            accepted.add(m++);
            try {
                rabbitmqctl("set_permissions", "-p", "/", "guest", "^(?!csms\\.events$).*", ".*", ".*");
                for (int attempt = 0; attempt < 5 && refused == 0; attempt++) {
                    rabbitmqctl("delete_queue", QUEUE);
                    JsonArray answer = meter(c, tx, m);
                    if (answer.getInt(0) == 3) {
                        accepted.add(m); // some node declared the queue in between: then it must be stored
                    } else {
                        assertEquals("InternalError", answer.getString(2), answer.toString());
                        refused++;
                    }
                    m++;
                }
            } finally {
                rabbitmqctl("set_permissions", "-p", "/", "guest", ".*", ".*", ".*");
            }
            assertTrue(refused > 0, "an event published while its queue was missing was refused");

            // the queue comes back (publisher and consumers declare it again): events flow again
            int after = 0;
            Instant deadline = Instant.now().plusSeconds(90);
            while (after < 5 && Instant.now().isBefore(deadline)) {
                JsonArray answer = meter(c, tx, m);
                if (answer.getInt(0) == 3) {
                    accepted.add(m);
                    after++;
                } else {
                    Node.sleep(500);
                }
                m++;
            }
            assertEquals(5, after, "events accepted again once the queue may be declared");

            Set<Integer> stored = Set.of();
            Instant storedBy = Instant.now().plusSeconds(90);
            while (Instant.now().isBefore(storedBy)) {
                stored = stored(tx);
                if (stored.containsAll(accepted)) {
                    break;
                }
                Node.sleep(500);
            }
            assertEquals(accepted, stored, "every value answered with a CALLRESULT is stored, the refused ones not");
        }
        Evidence.assertNoDeadLetters(List.of(id));
        evidence.assertNoDuplicateAttempted();
    }

    private static JsonArray meter(ChargePointClient c, int tx, int m) {
        String at = Instant.parse("2026-09-01T00:00:00Z").plusSeconds(m).toString();
        return c.call("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":\""
                + at + "\",\"sampledValue\":[{\"value\":\"" + m + "\"}]}]}");
    }

    private static Set<Integer> stored(int tx) {
        JsonArray values = Node.A.get("/api/transactions/" + tx).object().getJsonArray("meterValues");
        Set<Integer> stored = new HashSet<>();
        values.forEach(v -> assertTrue(stored.add(Integer.parseInt(v.asJsonObject().getString("value"))),
                "value stored twice: " + v));
        return stored;
    }

    static void rabbitmqctl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
    }
}
