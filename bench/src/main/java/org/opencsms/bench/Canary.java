package org.opencsms.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Persistence lag measured from outside: every few seconds, a MeterValues that has just been answered is
 * polled in {@code GET /api/transactions/{id}}, from its CALLRESULT on, until its energy sample is
 * there. The lag is the time from its CALLRESULT to the first answer that shows it: an upper bound,
 * with the poll step (50 ms in the first second, then 250 ms, after 10 s 1 s) as resolution.
 */
final class Canary {
    static final int MAX_IN_FLIGHT = 20;

    record Candidate(int transactionId, long timestampMs, long answeredNanos) {
    }

    /** One measurement: when the MeterValues was answered (s since the run's start) and its lag (s). */
    record Sample(double t0, double lagSeconds) {
    }

    private final Rest rest;
    private final ScheduledExecutorService scheduler;
    private final long runStartNanos;
    private final long maxWaitNanos;
    private final AtomicLong nextLaunchNanos = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Sample> samples = new ArrayList<>();
    final LongAdder notSeen = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder started = new LongAdder();
    final LongAdder skippedBusy = new LongAdder();
    private volatile boolean accepting;
    private volatile long intervalNanos;

    Canary(Rest rest, ScheduledExecutorService scheduler, long runStartNanos, double maxWaitSeconds) {
        this.rest = rest;
        this.scheduler = scheduler;
        this.runStartNanos = runStartNanos;
        this.maxWaitNanos = (long) (maxWaitSeconds * 1e9);
    }

    /**
     * Called by chargers (event loops) for each answered MeterValues: at most once per interval, this one
     * becomes a canary and is polled from now on (so the first poll follows its CALLRESULT at once).
     */
    void offer(SimChargePoint charger, int transactionId, long timestampMs, long answeredNanos) {
        if (!accepting || transactionId < 0) {
            return;
        }
        long next = nextLaunchNanos.get();
        if (answeredNanos < next || !nextLaunchNanos.compareAndSet(next, answeredNanos + intervalNanos)) {
            return;
        }
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            skippedBusy.increment();
            return;
        }
        inFlight.incrementAndGet();
        started.increment();
        Candidate c = new Candidate(transactionId, timestampMs, answeredNanos);
        scheduler.execute(() -> poll(c, 0));
    }

    void start(double intervalSeconds) {
        if (intervalSeconds > 0) {
            intervalNanos = (long) (intervalSeconds * 1e9);
            accepting = true;
        }
    }

    /** No new canaries (the running ones go on). */
    void stopLaunching() {
        accepting = false;
    }

    int inFlight() {
        return inFlight.get();
    }

    private void poll(Candidate c, int attempt) {
        rest.get("/api/transactions/" + c.transactionId, true, Duration.ofSeconds(30)).whenComplete((reply, error) -> {
            long now = System.nanoTime();
            boolean found = false;
            if (error == null && reply.status() == 200) {
                try {
                    found = contains(Rest.object(reply.body()), c.timestampMs);
                } catch (RuntimeException e) {
                    errors.increment();
                }
            } else {
                errors.increment();
            }
            if (found) {
                record(new Sample((c.answeredNanos - runStartNanos) / 1e9, (now - c.answeredNanos) / 1e9));
                inFlight.decrementAndGet();
            } else if (now - c.answeredNanos > maxWaitNanos) {
                notSeen.increment();
                inFlight.decrementAndGet();
            } else {
                // 50 ms steps for the first second, then 250 ms up to 10 s, then 1 s
                long delay = attempt < 20 ? 50 : attempt < 56 ? 250 : 1000;
                scheduler.schedule(() -> poll(c, attempt + 1), delay, TimeUnit.MILLISECONDS);
            }
        });
    }

    static boolean contains(JsonObject tx, long timestampMs) {
        JsonValue mv = tx.get("meterValues");
        if (mv == null || mv.getValueType() != JsonValue.ValueType.ARRAY) {
            return false;
        }
        for (JsonValue v : mv.asJsonArray()) {
            JsonObject o = v.asJsonObject();
            if (SimChargePoint.MEASURANDS[0].equals(o.getString("measurand", null))
                    && Rest.epochMs(o.getString("timestamp", "")) == timestampMs) {
                return true;
            }
        }
        return false;
    }

    private synchronized void record(Sample s) {
        samples.add(s);
    }

    synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }
}
