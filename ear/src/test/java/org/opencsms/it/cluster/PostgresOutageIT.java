package org.opencsms.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;

/**
 * The database goes away for two minutes while 100 chargers report a meter value every second: the
 * chargers keep getting their answers (the events wait with the broker), and once PostgreSQL is back
 * every value a charger got a CALLRESULT for is stored exactly once; nothing lands in the dead-letter
 * store. Stops and starts the machine's PostgreSQL cluster with pg_ctlcluster (the RabbitMQ tier runs
 * on a machine with a local cluster).
 */
class PostgresOutageIT {
    private static final int CHARGERS = 100;
    private static final Duration OUTAGE = Duration.ofMinutes(2);

    /** A charger in a transaction sending one meter value per second, each value distinct. */
    static final class Meter implements java.util.concurrent.Callable<Void> {
        final String id;
        final int tx;
        final ChargePointClient charger;
        final AtomicBoolean running;
        final Set<Integer> accepted = ConcurrentHashMap.newKeySet();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        /** Why values were refused: the CALLERROR code or the exception, with the time into the run. */
        final java.util.Map<String, Integer> reasons = new ConcurrentHashMap<>();

        Meter(String id, int tx, ChargePointClient charger, AtomicBoolean running) {
            this.id = id;
            this.tx = tx;
            this.charger = charger;
            this.running = running;
        }

        @Override
        public Void call() {
            int m = 0;
            long next = System.nanoTime();
            while (running.get()) {
                String at = Instant.parse("2026-08-01T00:00:00Z").plusSeconds(m).toString();
                sent.incrementAndGet();
                try {
                    JsonArray answer = charger.call("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx
                            + ",\"meterValue\":[{\"timestamp\":\"" + at + "\",\"sampledValue\":[{\"value\":\"" + m
                            + "\",\"context\":\"Sample.Periodic\"}]}]}");
                    if (answer.getInt(0) == 3) {
                        accepted.add(m);
                    } else {
                        refused.incrementAndGet();
                        reasons.merge(answer.getString(2) + " " + answer.getString(3) + " at " + m + " s", 1, Integer::sum);
                    }
                } catch (RuntimeException | AssertionError e) {
                    refused.incrementAndGet();
                    reasons.merge(e.getClass().getSimpleName() + " " + e.getMessage() + " at " + m + " s", 1, Integer::sum);
                }
                m++;
                next += TimeUnit.SECONDS.toNanos(1);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Node.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
            }
            return null;
        }
    }

    @Test
    void twoMinutesWithoutTheDatabaseLoseNoAnsweredMeterValue() throws Exception {
        TwoNodeIT.bothNodesReady();
        Evidence evidence = Evidence.mark();
        List<Meter> meters = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        for (int i = 0; i < CHARGERS; i++) {
            String id = TwoNodeIT.register("PGO");
            Node node = i % 2 == 0 ? Node.A : Node.B;
            ChargePointClient c = node.connect(id);
            meters.add(new Meter(id, TwoNodeIT.start(c), c, running));
        }
        // a charger with a password, to connect during the outage: its password must reach no log line
        String guarded = org.opencsms.it.Server.uniqueId("PGPW");
        String secret = "Pw-" + java.util.UUID.randomUUID();
        String wrong = "Wrong-" + java.util.UUID.randomUUID();
        assertEquals(201, Node.A.post("/api/charge-points", "{\"id\":\"" + guarded + "\",\"password\":\""
                + secret + "\"}").status());
        ExecutorService pool = Executors.newFixedThreadPool(CHARGERS);
        List<Future<Void>> runs = new ArrayList<>();
        boolean databaseStopped = false;
        try {
            for (Meter m : meters) {
                runs.add(pool.submit(m));
            }
            Node.sleep(10_000);
            postgres("stop");
            databaseStopped = true;
            long outageEnds = System.nanoTime() + OUTAGE.toNanos();
            Node.sleep(15_000);
            duringTheOutage(guarded, secret, wrong);
            Node.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(outageEnds - System.nanoTime())));
            postgres("start");
            databaseStopped = false;
            Node.sleep(10_000);
        } finally {
            running.set(false);
            if (databaseStopped) {
                postgres("start");
            }
            for (Future<Void> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            meters.forEach(m -> m.charger.close());
        }

        int sent = meters.stream().mapToInt(m -> m.sent.get()).sum();
        int accepted = meters.stream().mapToInt(m -> m.accepted.size()).sum();
        System.out.printf("PostgresOutageIT: %d chargers sent %d meter values, %d answered with a CALLRESULT,"
                + " %d refused%n", CHARGERS, sent, accepted, sent - accepted);
        meters.stream().flatMap(mt -> mt.reasons.entrySet().stream()).limit(50)
                .forEach(e -> System.out.println("PostgresOutageIT: refused " + e.getValue() + " x " + e.getKey()));
        // the events wait with the broker: the chargers are answered all along the outage
        long minimum = CHARGERS * (OUTAGE.toSeconds() + 15);
        assertTrue(accepted >= minimum, "at least " + minimum + " values answered (about one per charger and"
                + " second, outage included), got " + accepted + " of " + sent);
        assertTrue(accepted >= sent * 0.98, "no more than 2% refused: " + accepted + " of " + sent);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        for (Meter m : meters) {
            Set<Integer> stored;
            while (true) {
                stored = stored(m);
                if (stored.containsAll(m.accepted) || Instant.now().isAfter(deadline)) {
                    break;
                }
                Node.sleep(1000);
            }
            Set<Integer> missing = new HashSet<>(m.accepted);
            missing.removeAll(stored);
            assertTrue(missing.isEmpty(), m.id + ": every answered value stored; missing " + missing.size()
                    + " of " + m.accepted.size());
        }
        String log = org.opencsms.it.Server.log();
        assertTrue(!log.contains(secret) && !log.contains(wrong), "no password in any log line");
        // nothing stored twice (checked per value), nothing kept aside, no duplicate even attempted
        Evidence.assertNoDeadLetters(meters.stream().map(m -> m.id).toList());
        evidence.assertNoDuplicateAttempted();
    }

    /**
     * With the database gone: readiness is down on both nodes and says so without an exception's text;
     * a charger with a password cannot be checked, and neither its right nor a wrong password is let in.
     */
    private static void duringTheOutage(String guarded, String secret, String wrong) {
        for (Node node : List.of(Node.A, Node.B)) {
            for (String path : List.of("/health/ready", "/health")) {
                org.opencsms.testkit.Reply health = node.get(path);
                assertEquals(503, health.status(), node.name() + " " + path + ": " + health.body());
                org.opencsms.it.Server.assertNoExceptionText(health.body());
            }
            for (String password : List.of(secret, wrong)) {
                int status = ChargePointClient.refusalAt("ws://" + org.opencsms.it.Server.HOST + ":" + node.httpPort() + "/ocpp/",
                        guarded, password, false);
                assertTrue(status == 503 || status == 401, "no upgrade without a password check: " + status);
            }
        }
    }

    /** The values stored for the transaction; fails when one is stored twice. */
    private static Set<Integer> stored(Meter m) {
        JsonArray values = Node.A.get("/api/transactions/" + m.tx).object().getJsonArray("meterValues");
        Set<Integer> stored = new HashSet<>();
        values.forEach(v -> assertTrue(stored.add(Integer.parseInt(v.asJsonObject().getString("value"))),
                m.id + ": value " + v + " stored twice"));
        return stored;
    }

    /** Stops or starts the machine's PostgreSQL cluster (the only one, as on the CI machine). */
    static void postgres(String action) throws Exception {
        List<String> versions = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/etc/postgresql"))) {
            dirs.forEach(d -> versions.add(d.getFileName().toString()));
        }
        assertEquals(1, versions.size(), "one PostgreSQL cluster under /etc/postgresql: " + versions);
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect",
                versions.get(0), "main", action));
        if (action.equals("stop")) {
            command.addAll(List.of("-m", "fast"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
    }
}
