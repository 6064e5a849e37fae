package org.opencsms.bench;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/** Counters shared by all chargers (they run on several event-loop threads). */
final class Stats {

    /** The charger's CALLs, in the order of a session. */
    enum Action {
        BootNotification, StatusNotification, Authorize, StartTransaction, MeterValues, Heartbeat, StopTransaction
    }

    /** Counters and latencies of one action. */
    static final class ActionStats {
        final Action action;
        final LongAdder sent = new LongAdder();
        final LongAdder answered = new LongAdder();
        final LongAdder errored = new LongAdder();
        final LongAdder timedOut = new LongAdder();
        /** CALLRESULTs that came after the call had timed out. */
        final LongAdder answeredAfterTimeout = new LongAdder();
        /** Ticks whose CALL had to wait because the charger's previous CALL was still in flight. */
        final LongAdder late = new LongAdder();
        /** Ticks dropped because a late CALL of the same action was already waiting. */
        final LongAdder skipped = new LongAdder();
        final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        /** The answers' status (status or idTagInfo.status). */
        final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        /** CALLRESULT latency in microseconds. */
        private final Histogram latency = new Histogram(3_600_000_000L, 3);

        ActionStats(Action action) {
            this.action = action;
        }

        void answered(long micros, String status) {
            answered.increment();
            synchronized (latency) {
                latency.recordValue(Math.max(0, Math.min(micros, latency.getHighestTrackableValue())));
            }
            if (status != null) {
                statuses.computeIfAbsent(status, k -> new LongAdder()).increment();
            }
        }

        void errored(String code) {
            errored.increment();
            errors.computeIfAbsent(code, k -> new LongAdder()).increment();
        }

        Histogram latencyCopy() {
            synchronized (latency) {
                return latency.copy();
            }
        }
    }

    final Map<Action, ActionStats> actions = new EnumMap<>(Action.class);

    {
        for (Action a : Action.values()) {
            actions.put(a, new ActionStats(a));
        }
    }

    // all actions together, for rates
    final LongAdder sentAll = new LongAdder();
    final LongAdder answeredAll = new LongAdder();
    final LongAdder erroredAll = new LongAdder();
    final LongAdder timedOutAll = new LongAdder();
    final LongAdder lateAll = new LongAdder();
    final AtomicInteger inFlight = new AtomicInteger();

    // connections
    final LongAdder connectAttempts = new LongAdder();
    final LongAdder established = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final Map<Integer, LongAdder> failedHttpStatus = new ConcurrentHashMap<>();
    final AtomicInteger open = new AtomicInteger();
    final AtomicLong lastEstablishedNanos = new AtomicLong();
    final LongAdder closedByServer = new LongAdder();
    final Map<String, LongAdder> closeReasons = new ConcurrentHashMap<>();
    private final Histogram handshake = new Histogram(3_600_000_000L, 3);

    // the server's own CALLs and odd frames
    final Map<String, LongAdder> serverCalls = new ConcurrentHashMap<>();
    final LongAdder badFrames = new LongAdder();
    final LongAdder unmatchedAnswers = new LongAdder();

    // chargers
    final LongAdder transactionsStarted = new LongAdder();
    final LongAdder withoutTransaction = new LongAdder();

    ActionStats of(Action a) {
        return actions.get(a);
    }

    void established(long micros) {
        established.increment();
        open.incrementAndGet();
        lastEstablishedNanos.accumulateAndGet(System.nanoTime(), Math::max);
        synchronized (handshake) {
            handshake.recordValue(Math.max(0, Math.min(micros, handshake.getHighestTrackableValue())));
        }
    }

    void connectFailed(String reason, int httpStatus) {
        failed.increment();
        failures.computeIfAbsent(reason, k -> new LongAdder()).increment();
        if (httpStatus > 0) {
            failedHttpStatus.computeIfAbsent(httpStatus, k -> new LongAdder()).increment();
        }
    }

    Histogram handshakeCopy() {
        synchronized (handshake) {
            return handshake.copy();
        }
    }

    static <K> Map<String, Long> snapshot(Map<K, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v.sum()));
        return out;
    }
}
