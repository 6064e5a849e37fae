package org.opencsms.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.it.Server;
import org.opencsms.testkit.Reply;

/**
 * Faults under load: a node stops and its chargers reconnect to the other, commands follow them;
 * RabbitMQ restarts and the system recovers without a redeploy. Every event a charger got a
 * CALLRESULT for is stored, once.
 */
class FailoverIT {
    private static final int CHARGERS = 4;

    /** A simulated charger that keeps reporting meter values and remembers those accepted. */
    static final class Reporter implements java.util.concurrent.Callable<Integer> {
        final String id;
        final int tx;
        final AtomicBoolean running;
        final List<Node> nodes;
        final java.util.Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        /** When the last CALLRESULT came (System.nanoTime()). */
        volatile long lastAccepted;
        volatile ChargePointClient charger;
        volatile Node node;

        Reporter(String id, int tx, Node first, List<Node> nodes, AtomicBoolean running) {
            this.id = id;
            this.tx = tx;
            this.node = first;
            this.nodes = nodes;
            this.running = running;
        }

        @Override
        public Integer call() {
            int m = 0;
            while (running.get()) {
                try {
                    if (charger == null || charger.isClosed()) {
                        charger = reconnect();
                        // commands are answered at once, between the charger's own calls
                        charger.answerCallsWith(call -> "[3,\"" + call.getString(1) + "\",{\"status\":\"Accepted\"}]");
                    }
                    // each value its own timestamp, so each is a distinct sample
                    String at = String.format("2026-07-01T%02d:%02d:%02dZ", m / 3600, (m / 60) % 60, m % 60);
                    sent.incrementAndGet();
                    JsonArray answer = charger.call("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx
                            + ",\"meterValue\":[{\"timestamp\":\"" + at + "\",\"sampledValue\":[{\"value\":\"" + m
                            + "\",\"context\":\"Sample.Clock\"}]}]}");
                    if (answer.getInt(0) == 3) {
                        accepted.add(m);
                        lastAccepted = System.nanoTime();
                    }
                    m++;
                    Node.sleep(50);
                } catch (RuntimeException | AssertionError e) {
                    // socket gone or no answer: reconnect and go on, as a charger would
                    charger = null;
                    Node.sleep(500);
                }
            }
            if (charger != null) {
                charger.close();
            }
            return m;
        }

        private ChargePointClient reconnect() {
            for (Node candidate : nodes) {
                if (candidate.ready()) {
                    node = candidate;
                    return candidate.connect(id);
                }
            }
            throw new IllegalStateException("no node ready");
        }
    }

    private static List<Reporter> startChargers(String prefix, Node first, List<Node> order, AtomicBoolean running,
                                                ExecutorService pool, List<Future<Integer>> runs) {
        List<Reporter> reporters = new ArrayList<>();
        for (int i = 0; i < CHARGERS; i++) {
            String id = TwoNodeIT.register(prefix);
            int tx;
            try (ChargePointClient c = first.connect(id)) {
                tx = TwoNodeIT.start(c);
            }
            Reporter r = new Reporter(id, tx, first, order, running);
            reporters.add(r);
            runs.add(pool.submit(r));
        }
        return reporters;
    }

    /** Waits until every charger had a value accepted after {@code since} (System.nanoTime()), or the time is up. */
    private static void awaitAcceptedAfter(List<Reporter> reporters, long since, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline && reporters.stream().anyMatch(r -> r.lastAccepted <= since)) {
            Node.sleep(100);
        }
        Node.sleep(1000);
    }

    /**
     * Every accepted value stored, none twice, none even attempted twice, none set aside; and the load
     * was real: each charger got at least {@code minimum} values accepted, the last ones after
     * {@code recovered} (System.nanoTime()), so a system answering CALLERRORs throughout fails.
     */
    private static void assertAcceptedStoredOnce(List<Reporter> reporters, int minimum, long recovered,
                                                 Evidence evidence) {
        for (Reporter r : reporters) {
            System.out.printf("FailoverIT: %s sent %d meter values, %d accepted%n", r.id, r.sent.get(),
                    r.accepted.size());
            assertTrue(r.accepted.size() >= minimum, r.id + ": at least " + minimum + " values accepted, got "
                    + r.accepted.size() + " of " + r.sent.get());
            assertTrue(r.lastAccepted > recovered, r.id + ": values accepted again after the fault");
        }
        for (Reporter r : reporters) {
            Node.A.await("/api/transactions/" + r.tx, o -> o.getJsonArray("meterValues").size() >= r.accepted.size());
            Node.sleep(1000);
            JsonArray values = Node.A.get("/api/transactions/" + r.tx).object().getJsonArray("meterValues");
            java.util.Set<Integer> stored = new java.util.HashSet<>();
            values.forEach(v -> stored.add(Integer.parseInt(v.asJsonObject().getString("value"))));
            assertEquals(values.size(), stored.size(), "no value stored twice");
            assertTrue(stored.containsAll(r.accepted), "every accepted value stored: missing "
                    + r.accepted.stream().filter(a -> !stored.contains(a)).toList());
        }
        Evidence.assertNoDeadLetters(reporters.stream().map(r -> r.id).toList());
        evidence.assertNoDuplicateAttempted();
    }

    @Test
    void nodeStoppedUnderLoadItsChargersReconnectToTheOtherAndCommandsFollow() throws Exception {
        TwoNodeIT.bothNodesReady();
        Evidence evidence = Evidence.mark();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CHARGERS);
        long recovered;
        List<Future<Integer>> runs = new ArrayList<>();
        List<Reporter> reporters = startChargers("FO", Node.B, List.of(Node.B, Node.A), running, pool, runs);
        try {
            Node.sleep(2000);
            Node.B.server("stop");
            for (Reporter r : reporters) {
                Node.A.await("/api/charge-points/" + r.id, o -> o.getBoolean("connected"));
                while (r.node != Node.A) {
                    Node.sleep(100);
                }
            }
            recovered = System.nanoTime();
            awaitAcceptedAfter(reporters, recovered, Duration.ofSeconds(30));
            for (Reporter r : reporters) {
                Reply reply = Node.A.post("/api/charge-points/" + r.id + "/commands/TriggerMessage",
                        "{\"requestedMessage\":\"Heartbeat\"}");
                assertEquals(200, reply.status(), reply.body());
                assertEquals("Accepted", reply.object().getString("status"));
            }
        } finally {
            running.set(false);
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            Node.B.server("start");
            Node.B.awaitReady(Duration.ofSeconds(180));
        }
        assertAcceptedStoredOnce(reporters, 20, recovered, evidence);
    }

    @Test
    void brokerRestartedUnderLoadTheSystemRecoversAndLosesNothingAccepted() throws Exception {
        TwoNodeIT.bothNodesReady();
        Evidence evidence = Evidence.mark();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CHARGERS * 2);
        long recovered;
        List<Future<Integer>> runs = new ArrayList<>();
        List<Reporter> reporters = new ArrayList<>();
        reporters.addAll(startChargers("BRA", Node.A, List.of(Node.A, Node.B), running, pool, runs));
        reporters.addAll(startChargers("BRB", Node.B, List.of(Node.B, Node.A), running, pool, runs));
        try {
            Node.sleep(2000);
            rabbitmqctl("stop_app");
            Node.sleep(3000);
            rabbitmqctl("start_app");
            Node.A.awaitReady(Duration.ofSeconds(120));
            Node.B.awaitReady(Duration.ofSeconds(120));
            recovered = System.nanoTime();
            // a call sent during the outage may wait its full timeout; each charger gets values accepted
            // again within the time a charger waits for an answer
            awaitAcceptedAfter(reporters, recovered, Duration.ofSeconds(30));
        } finally {
            running.set(false);
            for (Future<Integer> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
        }
        assertAcceptedStoredOnce(reporters, 20, recovered, evidence);
        // and everything works again without a redeploy: boot, commands across nodes
        String id = TwoNodeIT.register("AFTER");
        try (ChargePointClient c = Node.B.connect(id)) {
            assertEquals("Accepted", c.ok("BootNotification",
                    "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}").getString("status"));
            Node.A.await("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            assertEquals(200, TwoNodeIT.command(Node.A, c, id, "ClearCache", "{}", "{\"status\":\"Accepted\"}").status());
        }
    }

    private static void rabbitmqctl(String action) throws Exception {
        Process p = new ProcessBuilder("rabbitmqctl", action).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "rabbitmqctl " + action + ": " + out);
    }
}
