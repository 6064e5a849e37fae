package org.opencsms.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.opencsms.testkit.Reply;

/**
 * Exactly-once check of the meter values: every sampled value of a MeterValues that got a CALLRESULT
 * must be in its transaction exactly once (by timestamp and measurand); values of MeterValues without
 * a CALLRESULT (error, timeout, closed) may or may not be there, but never twice.
 */
final class Verifier {
    static final int CONCURRENCY = 16;
    /** Give up waiting when the count of missing values has not gone down for this long. */
    static final long NO_PROGRESS_NANOS = 20_000_000_000L;

    /** Counts of sampled values (4 per MeterValues). */
    static final class Result {
        int transactions;
        long verified;
        long lost;
        long duplicated;
        long wrongValue;
        long unconfirmedStored;
        long unconfirmedNotStored;
        long otherStored;
        int fetchErrors;
        int sharedTransactionIds;
        double waitedSeconds;
        int passes;
        String note;

        void add(Result r) {
            verified += r.verified;
            lost += r.lost;
            duplicated += r.duplicated;
            wrongValue += r.wrongValue;
            unconfirmedStored += r.unconfirmedStored;
            unconfirmedNotStored += r.unconfirmedNotStored;
            otherStored += r.otherStored;
            fetchErrors += r.fetchErrors;
        }
    }

    private final Rest rest;

    Verifier(Rest rest) {
        this.rest = rest;
    }

    /**
     * Waits for the server's backlog gauge to reach 0 (when it has one), then checks every transaction,
     * re-checking those with missing values until none is missing or {@code waitSeconds} have passed.
     */
    Result verify(List<SimChargePoint> chargers, Monitor monitor, double waitSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (waitSeconds * 1e9);
        Map<Integer, List<SimChargePoint>> byTx = new LinkedHashMap<>();
        for (SimChargePoint c : chargers) {
            if (c.transactionId >= 0 && c.mvCount > 0) {
                byTx.computeIfAbsent(c.transactionId, k -> new ArrayList<>()).add(c);
            }
        }
        Result total = new Result();
        total.transactions = byTx.size();
        total.sharedTransactionIds = (int) byTx.values().stream().filter(l -> l.size() > 1).count();
        if (monitor.backlogSeen) {
            while (System.nanoTime() < deadline) {
                Double b = monitor.backlogNow();
                if (b != null && b <= 0) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        Map<Integer, Result> results = new ConcurrentHashMap<>();
        List<Integer> pending = new ArrayList<>(byTx.keySet());
        long bestMissing = Long.MAX_VALUE;
        long lastProgress = System.nanoTime();
        long lastPrint = 0;
        while (true) {
            total.passes++;
            check(pending, byTx, results);
            pending.removeIf(tx -> results.get(tx).lost == 0 && results.get(tx).fetchErrors == 0);
            long missing = pending.stream().mapToLong(tx -> results.get(tx).lost).sum();
            long now = System.nanoTime();
            if (missing < bestMissing) {
                bestMissing = missing;
                lastProgress = now;
            }
            if (pending.isEmpty() || now > deadline) {
                break;
            }
            // nothing more arrived for a while (and the backlog gauge, if any, is empty): it will not come
            Double backlog = monitor.backlogNow();
            if (now - lastProgress > NO_PROGRESS_NANOS && (backlog == null || backlog <= 0)) {
                total.note = "stopped waiting: no missing value arrived for " + NO_PROGRESS_NANOS / 1_000_000_000L + " s";
                break;
            }
            if (now - lastPrint > 10_000_000_000L) {
                lastPrint = now;
                System.err.printf("verify: %d values missing in %d transaction(s), checking again%n", missing,
                        pending.size());
            }
            Thread.sleep(2000);
        }
        results.values().forEach(total::add);
        total.waitedSeconds = (System.nanoTime() - start) / 1e9;
        return total;
    }

    private void check(List<Integer> txs, Map<Integer, List<SimChargePoint>> byTx, Map<Integer, Result> results)
            throws InterruptedException {
        Semaphore permits = new Semaphore(CONCURRENCY);
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Integer tx : txs) {
            permits.acquire();
            all.add(fetch(tx, 0).whenComplete((reply, error) -> {
                permits.release();
                Result r;
                try {
                    r = error != null || reply.status() != 200 ? null
                            : compare(Rest.object(reply.body()), byTx.get(tx));
                } catch (RuntimeException e) {
                    r = null;
                    error = e;
                }
                if (r == null) {
                    r = new Result();
                    r.fetchErrors = 1;
                    r.note = error != null ? error.toString() : "HTTP " + reply.status();
                    // count everything confirmed as missing until it can be read
                    for (SimChargePoint c : byTx.get(tx)) {
                        for (int i = 0; i < c.mvCount; i++) {
                            if (confirmed(c.mvOutcome[i])) {
                                r.lost += SimChargePoint.MEASURANDS.length;
                            }
                        }
                    }
                }
                results.put(tx, r);
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    }

    private CompletableFuture<Reply> fetch(int tx, int attempt) {
        return rest.get("/api/transactions/" + tx, true, Duration.ofSeconds(60)).handle((r, e) -> {
            if ((e != null || r.status() >= 500) && attempt < 2) {
                return fetch(tx, attempt + 1);
            }
            return e != null ? CompletableFuture.<Reply>failedFuture(e) : CompletableFuture.completedFuture(r);
        }).thenCompose(f -> f);
    }

    static boolean confirmed(byte outcome) {
        return outcome == SimChargePoint.ANSWERED || outcome == SimChargePoint.ANSWERED_LATE;
    }

    static Result compare(JsonObject tx, List<SimChargePoint> chargers) {
        Result r = new Result();
        // stored values by timestamp (ms) and measurand: how often, and the energy value
        Map<String, Integer> count = new HashMap<>();
        Map<String, String> energy = new HashMap<>();
        int stored = 0;
        JsonValue mvs = tx.get("meterValues");
        if (mvs != null && mvs.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : mvs.asJsonArray()) {
                JsonObject o = v.asJsonObject();
                String measurand = o.getString("measurand", "Energy.Active.Import.Register");
                String key = Rest.epochMs(o.getString("timestamp", "")) + "|" + measurand;
                count.merge(key, 1, Integer::sum);
                if (measurand.equals(SimChargePoint.MEASURANDS[0]) && o.get("value") != null
                        && o.get("value").getValueType() == JsonValue.ValueType.STRING) {
                    energy.put(key, o.getString("value"));
                }
                stored++;
            }
        }
        long matched = 0;
        for (SimChargePoint c : chargers) {
            for (int i = 0; i < c.mvCount; i++) {
                for (String m : SimChargePoint.MEASURANDS) {
                    String key = c.mvTimestamps[i] + "|" + m;
                    int n = count.getOrDefault(key, 0);
                    matched += n;
                    if (n > 1) {
                        r.duplicated += n - 1;
                    }
                    if (confirmed(c.mvOutcome[i])) {
                        if (n == 0) {
                            r.lost++;
                        } else {
                            r.verified++;
                        }
                    } else if (n == 0) {
                        r.unconfirmedNotStored++;
                    } else {
                        r.unconfirmedStored++;
                    }
                    if (n > 0 && m.equals(SimChargePoint.MEASURANDS[0])) {
                        String v = energy.get(key);
                        try {
                            if (v == null || Double.parseDouble(v) != c.mvEnergy[i]) {
                                r.wrongValue++;
                            }
                        } catch (NumberFormatException e) {
                            r.wrongValue++;
                        }
                    }
                }
            }
        }
        r.otherStored = stored - matched;
        return r;
    }
}
