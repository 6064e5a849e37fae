package org.opencsms.bench;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.opencsms.bench.Stats.Action;

/**
 * One simulated charger: a state machine driven by its socket's frames and by timers on its channel's
 * event loop. Every field is touched only on that event loop (after the connection is made), so
 * nothing here is synchronized; the shared counters are in {@link Stats}.
 *
 * <p>One CALL in flight: a CALL waits in {@link #queue} until the previous one is answered, errored
 * or timed out. A periodic tick that finds a CALL in flight is queued and counted late; a tick whose
 * action is already queued is dropped and counted skipped.
 */
final class SimChargePoint {
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Outcome of a MeterValues call, per sample, for the verification. */
    static final byte PENDING = 0, ANSWERED = 1, ERRORED = 2, TIMED_OUT = 3, ANSWERED_LATE = 4, CLOSED = 5;

    static final String[] MEASURANDS = {"Energy.Active.Import.Register", "Power.Active.Import", "Current.Import",
        "Voltage"};

    private final Bench bench;
    final int index;
    final String id;

    private Channel channel;
    private boolean open;
    private boolean settled;
    private boolean stopping;
    private boolean initDone;
    int closeCode = -1;
    String closeReason;

    private int seq;
    private Call inFlight;
    private final ArrayDeque<Action> queue = new ArrayDeque<>(4);
    /** Calls that timed out, by unique id, to recognise their late answers (a few at most). */
    private final Map<String, Call> timedOut = new LinkedHashMap<>(4, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Call> eldest) {
            return size() > 8;
        }
    };
    private ScheduledFuture<?> meterTimer;
    private ScheduledFuture<?> heartbeatTimer;

    /** The transaction id answered to StartTransaction, or -1. */
    int transactionId = -1;
    private long lastTimestampMs;
    private long energyWh;
    private long lastSampleMs;
    private final int powerW;

    // the MeterValues sent, for the verification: timestamp (epoch ms), energy (Wh), outcome
    long[] mvTimestamps = new long[0];
    long[] mvEnergy = new long[0];
    byte[] mvOutcome = new byte[0];
    int mvCount;

    private static final class Call {
        final Action action;
        final String uniqueId;
        final long sentNanos;
        final int mvIndex;
        ScheduledFuture<?> timeout;

        Call(Action action, String uniqueId, long sentNanos, int mvIndex) {
            this.action = action;
            this.uniqueId = uniqueId;
            this.sentNanos = sentNanos;
            this.mvIndex = mvIndex;
        }
    }

    SimChargePoint(Bench bench, int index, String id) {
        this.bench = bench;
        this.index = index;
        this.id = id;
        this.powerW = 3700 + ThreadLocalRandom.current().nextInt(7300);
    }

    // ---- connection life cycle (called by WsClient on the event loop) ----

    void onConnectFailed(String reason, int httpStatus) {
        bench.stats.connectFailed(reason, httpStatus);
        settle();
        bench.connectResolved();
    }

    void onOpen(Channel ch, long handshakeMicros) {
        this.channel = ch;
        this.open = true;
        bench.stats.established(handshakeMicros);
        bench.connectResolved();
        if (bench.stopping) {
            stop();
            return;
        }
        enqueue(Action.BootNotification);
    }

    void onClosed() {
        boolean wasOpen = open;
        open = false;
        cancelTimers();
        queue.clear();
        if (inFlight != null) {
            Call c = inFlight;
            inFlight = null;
            if (c.timeout != null) {
                c.timeout.cancel(false);
            }
            bench.stats.inFlight.decrementAndGet();
            bench.stats.of(c.action).errored("ConnectionClosed");
            bench.stats.erroredAll.increment();
            if (c.mvIndex >= 0) {
                mvOutcome[c.mvIndex] = CLOSED;
            }
        }
        if (wasOpen) {
            bench.stats.open.decrementAndGet();
            if (!stopping) {
                bench.stats.closedByServer.increment();
                String why = closeCode >= 0 ? "close " + closeCode + (closeReason == null || closeReason.isEmpty()
                        ? "" : " " + closeReason) : closeReason != null ? closeReason : "connection lost";
                bench.stats.closeReasons.computeIfAbsent(why, k -> new LongAdder()).increment();
            }
        }
        settle();
        bench.chargerClosed();
    }

    /** A text frame from the server. */
    void onText(String text) {
        JsonArray frame;
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            frame = r.readArray();
        } catch (RuntimeException e) {
            bench.stats.badFrames.increment();
            return;
        }
        try {
            int type = frame.getInt(0);
            String uid = frame.getString(1);
            switch (type) {
                case 2 -> {
                    String action = frame.getString(2);
                    bench.stats.serverCalls.computeIfAbsent(action, k -> new LongAdder())
                            .increment();
                    write("[3," + Json.createValue(uid) + ",{\"status\":\"Accepted\"}]");
                }
                case 3 -> answer(uid, frame.size() > 2 && frame.get(2).getValueType() == JsonValue.ValueType.OBJECT
                        ? frame.getJsonObject(2) : JsonValue.EMPTY_JSON_OBJECT, null);
                case 4 -> answer(uid, null, frame.size() > 2 ? frame.getString(2) : "?");
                default -> bench.stats.badFrames.increment();
            }
        } catch (RuntimeException e) {
            bench.stats.badFrames.increment();
        }
    }

    // ---- the call discipline ----

    private void enqueue(Action a) {
        queue.add(a);
        pump();
    }

    /** A periodic tick: send now, or queue it (late), or drop it (skipped) when one is already waiting. */
    private void tick(Action a) {
        if (!open || stopping) {
            return;
        }
        if (inFlight == null && queue.isEmpty()) {
            send(a);
        } else if (queue.contains(a)) {
            bench.stats.of(a).skipped.increment();
        } else {
            bench.stats.of(a).late.increment();
            bench.stats.lateAll.increment();
            queue.add(a);
        }
    }

    private void pump() {
        if (!open) {
            return;
        }
        if (inFlight == null) {
            Action next = queue.poll();
            if (next != null) {
                send(next);
            } else if (stopping) {
                close();
            }
        }
    }

    private void send(Action a) {
        String uid = Integer.toString(++seq, 36);
        int mv = -1;
        String payload = switch (a) {
            case BootNotification -> "{\"chargePointVendor\":\"Bench\",\"chargePointModel\":\"Load\"}";
            case StatusNotification -> "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}";
            case Authorize -> "{\"idTag\":" + Json.createValue(bench.tagOf(index)) + "}";
            case StartTransaction -> "{\"connectorId\":1,\"idTag\":" + Json.createValue(bench.tagOf(index))
                    + ",\"meterStart\":0,\"timestamp\":\"" + TS.format(Instant.ofEpochMilli(timestamp())) + "\"}";
            case Heartbeat -> "{}";
            case StopTransaction -> "{\"transactionId\":" + transactionId + ",\"meterStop\":" + energyWh
                    + ",\"timestamp\":\"" + TS.format(Instant.ofEpochMilli(timestamp())) + "\"}";
            case MeterValues -> {
                mv = mvCount;
                yield meterValues();
            }
        };
        String text = "[2,\"" + uid + "\",\"" + a.name() + "\"," + payload + "]";
        Call call = new Call(a, uid, System.nanoTime(), mv);
        inFlight = call;
        bench.stats.of(a).sent.increment();
        bench.stats.sentAll.increment();
        bench.stats.inFlight.incrementAndGet();
        call.timeout = channel.eventLoop().schedule(() -> timeout(call), bench.callTimeoutMs, TimeUnit.MILLISECONDS);
        write(text);
    }

    private String meterValues() {
        long ts = timestamp();
        long elapsedMs = lastSampleMs == 0 ? (long) (bench.opts.meterInterval * 1000) : ts - lastSampleMs;
        lastSampleMs = ts;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int power = powerW + rnd.nextInt(-100, 101);
        energyWh += Math.max(1, Math.round(power * elapsedMs / 3_600_000.0));
        double voltage = 229 + rnd.nextInt(0, 40) / 10.0;
        double current = Math.round(power / voltage * 10) / 10.0;
        if (mvCount == mvTimestamps.length) {
            int n = Math.max(16, mvCount * 2);
            mvTimestamps = Arrays.copyOf(mvTimestamps, n);
            mvEnergy = Arrays.copyOf(mvEnergy, n);
            mvOutcome = Arrays.copyOf(mvOutcome, n);
        }
        mvTimestamps[mvCount] = ts;
        mvEnergy[mvCount] = energyWh;
        mvOutcome[mvCount] = PENDING;
        mvCount++;
        return "{\"connectorId\":1,\"transactionId\":" + transactionId + ",\"meterValue\":[{\"timestamp\":\""
                + TS.format(Instant.ofEpochMilli(ts)) + "\",\"sampledValue\":["
                + sample(Long.toString(energyWh), MEASURANDS[0], "Wh") + ","
                + sample(Integer.toString(power), MEASURANDS[1], "W") + ","
                + sample(Double.toString(current), MEASURANDS[2], "A") + ","
                + sample(Double.toString(voltage), MEASURANDS[3], "V") + "]}]}";
    }

    private static String sample(String value, String measurand, String unit) {
        return "{\"value\":\"" + value + "\",\"context\":\"Sample.Periodic\",\"measurand\":\"" + measurand
                + "\",\"unit\":\"" + unit + "\"}";
    }

    /** Now in epoch milliseconds, never the same twice for this charger. */
    private long timestamp() {
        long now = System.currentTimeMillis();
        lastTimestampMs = Math.max(now, lastTimestampMs + 1);
        return lastTimestampMs;
    }

    private void answer(String uid, JsonObject payload, String errorCode) {
        Call c = inFlight;
        if (c == null || !c.uniqueId.equals(uid)) {
            Call late = timedOut.remove(uid);
            if (late != null && payload != null) {
                bench.stats.of(late.action).answeredAfterTimeout.increment();
                if (late.mvIndex >= 0) {
                    mvOutcome[late.mvIndex] = ANSWERED_LATE;
                }
            } else if (late == null) {
                bench.stats.unmatchedAnswers.increment();
            }
            return;
        }
        inFlight = null;
        c.timeout.cancel(false);
        bench.stats.inFlight.decrementAndGet();
        Stats.ActionStats s = bench.stats.of(c.action);
        if (payload != null) {
            long micros = (System.nanoTime() - c.sentNanos) / 1000;
            s.answered(micros, status(payload));
            bench.stats.answeredAll.increment();
            if (c.mvIndex >= 0) {
                mvOutcome[c.mvIndex] = ANSWERED;
                bench.canary.offer(this, transactionId, mvTimestamps[c.mvIndex], System.nanoTime());
            }
            if (c.action == Action.StartTransaction && payload.containsKey("transactionId")) {
                try {
                    transactionId = payload.getInt("transactionId");
                } catch (RuntimeException e) {
                    transactionId = -1;
                }
            }
        } else {
            s.errored(errorCode);
            bench.stats.erroredAll.increment();
            if (c.mvIndex >= 0) {
                mvOutcome[c.mvIndex] = ERRORED;
            }
        }
        completed(c.action);
    }

    private void timeout(Call c) {
        if (inFlight != c) {
            return;
        }
        inFlight = null;
        bench.stats.inFlight.decrementAndGet();
        bench.stats.of(c.action).timedOut.increment();
        bench.stats.timedOutAll.increment();
        if (c.mvIndex >= 0) {
            mvOutcome[c.mvIndex] = TIMED_OUT;
        }
        timedOut.put(c.uniqueId, c);
        completed(c.action);
    }

    /** After any outcome of a call: the next step of the session, then the next queued call. */
    private void completed(Action a) {
        if (!initDone && !stopping) {
            switch (a) {
                case BootNotification -> queue.addFirst(Action.StatusNotification);
                case StatusNotification -> {
                    if (bench.opts.meterValues()) {
                        queue.addFirst(Action.Authorize);
                    } else {
                        initDone();
                    }
                }
                case Authorize -> queue.addFirst(Action.StartTransaction);
                case StartTransaction -> initDone();
                default -> {
                }
            }
        }
        pump();
    }

    private void initDone() {
        initDone = true;
        if (transactionId >= 0) {
            bench.stats.transactionsStarted.increment();
        } else if (bench.opts.meterValues()) {
            bench.stats.withoutTransaction.increment();
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        if (bench.opts.heartbeatInterval > 0) {
            long ms = (long) (bench.opts.heartbeatInterval * 1000);
            heartbeatTimer = channel.eventLoop().scheduleAtFixedRate(() -> tick(Action.Heartbeat),
                    1 + rnd.nextLong(ms), ms, TimeUnit.MILLISECONDS);
        }
        if (bench.opts.meterValues() && transactionId >= 0) {
            long ms = (long) (bench.opts.meterInterval * 1000);
            meterTimer = channel.eventLoop().scheduleAtFixedRate(() -> tick(Action.MeterValues),
                    ms / 10 + rnd.nextLong(ms - ms / 10 + 1), ms, TimeUnit.MILLISECONDS);
        }
        settle();
    }

    private void settle() {
        if (!settled) {
            settled = true;
            bench.chargerSettled();
        }
    }

    // ---- the end of the run ----

    /** Stops the timers, sends StopTransaction (if any) after the call in flight, then closes. */
    void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        cancelTimers();
        if (!open) {
            return;
        }
        queue.clear();
        if (bench.opts.stopTransactions && transactionId >= 0) {
            queue.add(Action.StopTransaction);
        }
        pump();
    }

    private void close() {
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench done")).addListener(f -> channel.close());
        }
    }

    void forceClose() {
        stopping = true;
        if (channel != null) {
            channel.close();
        }
    }

    Channel channel() {
        return channel;
    }

    private void cancelTimers() {
        if (meterTimer != null) {
            meterTimer.cancel(false);
            meterTimer = null;
        }
        if (heartbeatTimer != null) {
            heartbeatTimer.cancel(false);
            heartbeatTimer = null;
        }
    }

    private void write(String text) {
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }
    }

    private static String status(JsonObject payload) {
        try {
            if (payload.containsKey("status")) {
                return payload.getString("status");
            }
            if (payload.containsKey("idTagInfo")) {
                return payload.getJsonObject("idTagInfo").getString("status");
            }
        } catch (RuntimeException e) {
            return "?";
        }
        return null;
    }
}
