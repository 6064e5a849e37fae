package org.opencsms.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.HdrHistogram.Histogram;
import org.opencsms.bench.Stats.Action;
import org.opencsms.bench.Stats.ActionStats;

/** The end of a run: the readable summary and the one-line JSON result. */
final class Report {
    static final int BUCKET_SECONDS = 5;

    private final Bench b;
    private final Options o;
    private final Stats s;
    private final List<Monitor.Sample> samples;
    private final List<Canary.Sample> lags;
    private final List<Bucket> series;

    /** Five seconds of the run. */
    record Bucket(double t, String phase, int open, double answeredPerSecond, double sentPerSecond,
                  Double lagMaxSeconds, Double backlogMessages, Double backlogAgeSeconds, Double serverCores,
                  Long serverRssMb) {
    }

    Report(Bench bench) {
        this.b = bench;
        this.o = bench.opts;
        this.s = bench.stats;
        this.samples = bench.monitor.samples();
        this.lags = bench.canary.samples();
        this.series = buckets();
    }

    // ---- derived figures ----

    private double steadySeconds() {
        return b.steadyEnd == null ? 0 : b.steadyEnd.t - b.steadyStart.t;
    }

    private double steadyRate(long start, long end) {
        double secs = steadySeconds();
        return secs <= 0 ? 0 : (end - start) / secs;
    }

    private Double serverCoresSteady() {
        if (b.steadyEnd == null || Double.isNaN(b.steadyStart.serverCpuSeconds)
                || Double.isNaN(b.steadyEnd.serverCpuSeconds) || steadySeconds() <= 0) {
            return null;
        }
        return (b.steadyEnd.serverCpuSeconds - b.steadyStart.serverCpuSeconds) / steadySeconds();
    }

    private Double clientCoresSteady() {
        if (b.steadyEnd == null || Double.isNaN(b.steadyStart.clientCpuSeconds) || steadySeconds() <= 0) {
            return null;
        }
        return (b.steadyEnd.clientCpuSeconds - b.steadyStart.clientCpuSeconds) / steadySeconds();
    }

    private Long maxRssMb(boolean steadyOnly) {
        long max = -1;
        for (Monitor.Sample x : samples) {
            if ((!steadyOnly || "steady".equals(x.phase)) && x.serverRssKb > max) {
                max = x.serverRssKb;
            }
        }
        return max < 0 ? null : max / 1024;
    }

    private Long clientRssMb() {
        long max = samples.stream().mapToLong(x -> x.clientRssKb).max().orElse(-1);
        return max < 0 ? null : max / 1024;
    }

    private Double maxOf(java.util.function.Function<Monitor.Sample, Double> f) {
        Double max = null;
        for (Monitor.Sample x : samples) {
            Double v = f.apply(x);
            if (v != null && (max == null || v > max)) {
                max = v;
            }
        }
        return max;
    }

    private double lagPercentile(double p) {
        if (lags.isEmpty()) {
            return Double.NaN;
        }
        double[] v = lags.stream().mapToDouble(Canary.Sample::lagSeconds).sorted().toArray();
        int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
        return v[Math.max(0, Math.min(v.length - 1, i))];
    }

    private List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>();
        if (samples.isEmpty()) {
            return out;
        }
        Monitor.Sample prev = samples.get(0);
        int i = 0;
        while (i < samples.size()) {
            int bucket = (int) Math.floor(samples.get(i).t / BUCKET_SECONDS);
            Double backlog = null, age = null;
            long rss = -1;
            Monitor.Sample last = samples.get(i);
            String firstPhase = last.phase;
            while (i < samples.size() && (int) Math.floor(samples.get(i).t / BUCKET_SECONDS) == bucket) {
                last = samples.get(i);
                if (last.backlogMessages != null) {
                    backlog = backlog == null ? last.backlogMessages : Math.max(backlog, last.backlogMessages);
                }
                if (last.backlogAgeSeconds != null) {
                    age = age == null ? last.backlogAgeSeconds : Math.max(age, last.backlogAgeSeconds);
                }
                rss = Math.max(rss, last.serverRssKb);
                i++;
            }
            double dt = last.t - prev.t;
            Double lag = null;
            for (Canary.Sample c : lags) {
                if ((int) Math.floor(c.t0() / BUCKET_SECONDS) == bucket) {
                    lag = lag == null ? c.lagSeconds() : Math.max(lag, c.lagSeconds());
                }
            }
            Double cores = dt <= 0 || Double.isNaN(last.serverCpuSeconds) || Double.isNaN(prev.serverCpuSeconds) ? null
                    : (last.serverCpuSeconds - prev.serverCpuSeconds) / dt;
            String phase = firstPhase.equals(last.phase) ? last.phase : firstPhase + ">" + last.phase;
            out.add(new Bucket(bucket * BUCKET_SECONDS, phase, last.open,
                    dt <= 0 ? 0 : (last.answered - prev.answered) / dt, dt <= 0 ? 0 : (last.sent - prev.sent) / dt,
                    lag, backlog, age, cores, rss < 0 ? null : rss / 1024));
            prev = last;
        }
        return out;
    }

    // ---- text ----

    String text() {
        StringBuilder t = new StringBuilder();
        t.append("== csms-bench run ").append(o.runId).append(" ==\n");
        line(t, "parameters", String.format(Locale.ROOT,
                "%s (chargers at %s{id}), %d chargers at %s/s, MeterValues every %s s%s, Heartbeat every %s s, "
                        + "steady state %s s, call timeout %s s, %d event-loop threads",
                o.url, b.wsBase, o.chargers, Options.fmt(o.rate), Options.fmt(o.meterInterval),
                o.meterValues() ? "" : " (none: heartbeats only)", Options.fmt(o.heartbeatInterval),
                Options.fmt(o.duration), Options.fmt(o.callTimeout), o.threads));
        line(t, "server", "readiness " + b.readiness + "; resources from " + b.serverSource + "; /metrics "
                + b.monitor.metricsState + (b.monitor.backlogSeen ? " with backlog gauges" : ""));
        if (o.register) {
            line(t, "set-up", String.format(Locale.ROOT, "%d charge points created, %d existed, %d failed%s in %.1f s; "
                            + "tag %s: %s", b.setup.created.sum(), b.setup.existed.sum(),
                    b.setup.failed.values().stream().mapToLong(x -> x.sum()).sum(),
                    b.setup.failed.isEmpty() ? "" : " " + Stats.snapshot(b.setup.failed), b.setup.seconds, o.tag,
                    b.setup.tagOutcome));
            if (b.setup.tagProblem != null) {
                line(t, "", "tag with allowConcurrentTx refused: " + b.setup.tagProblem);
            }
        }
        Histogram hs = s.handshakeCopy();
        line(t, "connections", String.format(Locale.ROOT,
                "%d of %d established, %d failed%s; ramp %.1f s, last connected at %.1f s; upgrade p50 %s p99 %s max %s ms",
                s.established.sum(), o.chargers, s.failed.sum(),
                s.failed.sum() == 0 ? "" : " " + Stats.snapshot(s.failures),
                b.rampSeconds, b.connectAllSeconds, ms(hs, 50), ms(hs, 99), maxMs(hs)));
        line(t, "", String.format(Locale.ROOT, "open at steady start %d, at steady end %d; closed by the server "
                        + "before the end: %d%s", b.openAtSteadyStart, b.openAtSteadyEnd, s.closedByServer.sum(),
                s.closeReasons.isEmpty() ? "" : " " + Stats.snapshot(s.closeReasons)));
        line(t, "start", String.format(Locale.ROOT, "every charger through Boot%s (or failed) by %.1f s%s%s",
                o.meterValues() ? " .. StartTransaction" : "Notification and StatusNotification", b.settleSeconds,
                b.settledInTime ? "" : " (NOT all: deadline reached)",
                o.meterValues() ? String.format(Locale.ROOT, "; %d transactions started, %d chargers without",
                        s.transactionsStarted.sum(), s.withoutTransaction.sum()) : ""));
        t.append('\n');
        t.append(String.format(Locale.ROOT, "%-19s %8s %8s %7s %7s %7s %7s %8s %8s %8s %8s  %s%n", "action", "sent",
                "answered", "errors", "timeout", "late", "skipped", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "answer statuses / error codes"));
        for (ActionStats a : s.actions.values()) {
            if (a.sent.sum() == 0 && a.late.sum() == 0) {
                continue;
            }
            Histogram h = a.latencyCopy();
            String extra = (a.statuses.isEmpty() ? "" : Stats.snapshot(a.statuses).toString())
                    + (a.errors.isEmpty() ? "" : " errors " + Stats.snapshot(a.errors))
                    + (a.answeredAfterTimeout.sum() == 0 ? "" : " answered after timeout " + a.answeredAfterTimeout.sum());
            t.append(String.format(Locale.ROOT, "%-19s %8d %8d %7d %7d %7d %7d %8s %8s %8s %8s  %s%n",
                    a.action, a.sent.sum(), a.answered.sum(), a.errored.sum(), a.timedOut.sum(), a.late.sum(),
                    a.skipped.sum(), ms(h, 50), ms(h, 95), ms(h, 99), maxMs(h), extra.trim()));
        }
        if (!s.serverCalls.isEmpty() || s.badFrames.sum() > 0 || s.unmatchedAnswers.sum() > 0) {
            t.append(String.format(Locale.ROOT, "server CALLs answered Accepted: %s; unreadable frames %d; answers to no "
                    + "call %d%n", Stats.snapshot(s.serverCalls), s.badFrames.sum(), s.unmatchedAnswers.sum()));
        }
        t.append('\n');
        if (b.steadyEnd != null) {
            Monitor.Sample a = b.steadyStart, z = b.steadyEnd;
            line(t, "steady state", String.format(Locale.ROOT,
                    "%.1f s: %.1f answered/s (sent %.1f/s); in the window %d errors, %d timeouts, %d late",
                    steadySeconds(), steadyRate(a.answered, z.answered), steadyRate(a.sent, z.sent),
                    z.errored - a.errored, z.timedOut - a.timedOut, z.late - a.late));
        }
        long skipped = s.actions.values().stream().mapToLong(x -> x.skipped.sum()).sum();
        line(t, "client backlog", String.format(Locale.ROOT, "%d CALLs late (waited for the previous CALL), "
                + "%d ticks skipped (one already waiting), whole run", s.lateAll.sum(), skipped));
        Double cores = serverCoresSteady(), client = clientCoresSteady();
        Long rss = maxRssMb(true), rssAll = maxRssMb(false);
        line(t, "resources", (rss == null && cores == null ? "server: not measured" : String.format(Locale.ROOT,
                "server max RSS %s MB in steady state (%s MB whole run), mean %s cores in steady state",
                rss == null ? "?" : rss, rssAll == null ? "?" : rssAll, cores == null ? "?" : f2(cores)))
                + (client == null ? "" : "; this client " + f2(client) + " cores")
                + (clientRssMb() == null ? "" : ", max RSS " + clientRssMb() + " MB"));
        line(t, "persistence lag", lags.isEmpty() && b.canary.started.sum() == 0 ? "no canary (no MeterValues answered)"
                : String.format(Locale.ROOT, "canary (CALLRESULT of a MeterValues -> its energy value in GET "
                        + "/api/transactions/{id}): %d samples, p50 %s s, p95 %s s, max %s s; never seen %d, "
                        + "unfinished %d, skipped (20 in flight) %d", lags.size(), f2(lagPercentile(50)),
                f2(lagPercentile(95)), f2(lagPercentile(100)), b.canary.notSeen.sum(), b.canary.inFlight(),
                b.canary.skippedBusy.sum()));
        Double backlogMax = maxOf(x -> x.backlogMessages), ageMax = maxOf(x -> x.backlogAgeSeconds);
        line(t, "backlog gauges", !b.monitor.backlogSeen ? "csms_event_backlog_* not in /metrics ("
                + b.monitor.metricsState + ")" : String.format(Locale.ROOT, "max %s messages, max age %s s",
                backlogMax == null ? "?" : f0(backlogMax), ageMax == null ? "?" : f2(ageMax)));
        Verifier.Result v = b.verification;
        if (v != null) {
            line(t, "verification", String.format(Locale.ROOT,
                    "%d transactions: %d values verified, %d LOST, %d DUPLICATED, %d wrong value; unacknowledged "
                            + "MeterValues' values: %d stored, %d not stored; %d other values stored%s; "
                            + "%d pass(es), %.1f s%s",
                    v.transactions, v.verified, v.lost, v.duplicated, v.wrongValue, v.unconfirmedStored,
                    v.unconfirmedNotStored, v.otherStored,
                    v.sharedTransactionIds == 0 ? "" : "; " + v.sharedTransactionIds + " transaction ids SHARED by chargers",
                    v.passes, v.waitedSeconds, v.fetchErrors == 0 ? "" : "; " + v.fetchErrors + " transactions unreadable")
                    + (v.note == null ? "" : "; " + v.note));
        } else {
            line(t, "verification", "off");
        }
        t.append("\nper 5 s:   t  phase            open  answered/s  lag max s  backlog  backlog age s  server cores  "
                + "server RSS MB\n");
        for (Bucket k : series) {
            t.append(String.format(Locale.ROOT, "       %5.0f  %-15s %5d  %10.1f  %9s  %7s  %13s  %12s  %13s%n", k.t,
                    k.phase, k.open, k.answeredPerSecond, k.lagMaxSeconds == null ? "-" : f2(k.lagMaxSeconds),
                    k.backlogMessages == null ? "-" : f0(k.backlogMessages),
                    k.backlogAgeSeconds == null ? "-" : f2(k.backlogAgeSeconds),
                    k.serverCores == null ? "-" : f2(k.serverCores), k.serverRssMb == null ? "-" : k.serverRssMb));
        }
        return t.toString();
    }

    private static void line(StringBuilder t, String label, String text) {
        t.append(String.format(Locale.ROOT, "%-16s %s%n", label, text));
    }

    // ---- JSON ----

    JsonObject json(int exitCode) {
        JsonObjectBuilder root = Json.createObjectBuilder();
        root.add("runId", o.runId);
        root.add("params", Json.createObjectBuilder().add("url", o.url).add("chargers", o.chargers)
                .add("rate", o.rate).add("meterInterval", o.meterInterval).add("heartbeatInterval", o.heartbeatInterval)
                .add("duration", o.duration).add("callTimeout", o.callTimeout).add("threads", o.threads)
                .add("stopTransactions", o.stopTransactions).add("verify", o.verifyEnabled()));
        if (o.register) {
            root.add("setup", Json.createObjectBuilder().add("created", b.setup.created.sum())
                    .add("existed", b.setup.existed.sum()).add("failed", map(Stats.snapshot(b.setup.failed)))
                    .add("seconds", r2(b.setup.seconds)).add("tag", o.tag).add("tagOutcome", b.setup.tagOutcome)
                    .add("perChargerTags", b.perChargerTags));
        }
        Histogram hs = s.handshakeCopy();
        root.add("connections", Json.createObjectBuilder().add("attempted", s.connectAttempts.sum())
                .add("established", s.established.sum()).add("failed", s.failed.sum())
                .add("failures", map(Stats.snapshot(s.failures))).add("failedHttpStatus", map(Stats.snapshot(s.failedHttpStatus)))
                .add("rampSeconds", r2(b.rampSeconds)).add("connectAllSeconds", r2(b.connectAllSeconds))
                .add("upgradeMs", latency(hs)).add("openAtSteadyStart", b.openAtSteadyStart)
                .add("openAtSteadyEnd", b.openAtSteadyEnd).add("closedByServer", s.closedByServer.sum())
                .add("closeReasons", map(Stats.snapshot(s.closeReasons))).add("forceClosedAtEnd", b.forceClosed)
                .add("settleSeconds", r2(b.settleSeconds)).add("allSettled", b.settledInTime));
        JsonObjectBuilder actions = Json.createObjectBuilder();
        for (Map.Entry<Action, ActionStats> e : s.actions.entrySet()) {
            ActionStats a = e.getValue();
            actions.add(e.getKey().name(), Json.createObjectBuilder().add("sent", a.sent.sum())
                    .add("answered", a.answered.sum()).add("errored", a.errored.sum())
                    .add("errors", map(Stats.snapshot(a.errors))).add("timedOut", a.timedOut.sum())
                    .add("answeredAfterTimeout", a.answeredAfterTimeout.sum()).add("late", a.late.sum())
                    .add("skipped", a.skipped.sum()).add("statuses", map(Stats.snapshot(a.statuses)))
                    .add("latencyMs", latency(a.latencyCopy())));
        }
        root.add("actions", actions);
        root.add("serverCalls", map(Stats.snapshot(s.serverCalls)));
        root.add("transactionsStarted", s.transactionsStarted.sum());
        root.add("chargersWithoutTransaction", s.withoutTransaction.sum());
        JsonObjectBuilder steady = Json.createObjectBuilder().add("seconds", r2(steadySeconds()));
        if (b.steadyEnd != null) {
            Monitor.Sample a = b.steadyStart, z = b.steadyEnd;
            steady.add("answeredPerSecond", r2(steadyRate(a.answered, z.answered)))
                    .add("sentPerSecond", r2(steadyRate(a.sent, z.sent))).add("errors", z.errored - a.errored)
                    .add("timeouts", z.timedOut - a.timedOut).add("late", z.late - a.late);
        }
        root.add("steady", steady);
        root.add("clientBacklog", Json.createObjectBuilder().add("late", s.lateAll.sum())
                .add("skipped", s.actions.values().stream().mapToLong(x -> x.skipped.sum()).sum()));
        JsonObjectBuilder server = Json.createObjectBuilder().add("source", b.serverSource)
                .add("readiness", b.readiness).add("metrics", b.monitor.metricsState);
        opt(server, "pid", b.serverPid);
        opt(server, "maxRssMbSteady", maxRssMb(true));
        opt(server, "maxRssMb", maxRssMb(false));
        opt(server, "meanCoresSteady", serverCoresSteady() == null ? null : r2(serverCoresSteady()));
        opt(server, "clientCoresSteady", clientCoresSteady() == null ? null : r2(clientCoresSteady()));
        opt(server, "clientMaxRssMb", clientRssMb());
        root.add("server", server);
        JsonObjectBuilder lag = Json.createObjectBuilder().add("canarySamples", lags.size())
                .add("canaryNeverSeen", b.canary.notSeen.sum()).add("canaryUnfinished", b.canary.inFlight())
                .add("backlogGauges", b.monitor.backlogSeen);
        if (!lags.isEmpty()) {
            lag.add("canaryP50Seconds", r2(lagPercentile(50))).add("canaryP95Seconds", r2(lagPercentile(95)))
                    .add("canaryMaxSeconds", r2(lagPercentile(100)));
        }
        opt(lag, "backlogMaxMessages", maxOf(x -> x.backlogMessages));
        opt(lag, "backlogMaxAgeSeconds", maxOf(x -> x.backlogAgeSeconds));
        JsonArrayBuilder ser = Json.createArrayBuilder();
        for (Bucket k : series) {
            JsonObjectBuilder x = Json.createObjectBuilder().add("t", k.t).add("phase", k.phase).add("open", k.open)
                    .add("answeredPerSecond", r2(k.answeredPerSecond));
            opt(x, "lagMaxSeconds", k.lagMaxSeconds == null ? null : r2(k.lagMaxSeconds));
            opt(x, "backlogMessages", k.backlogMessages);
            opt(x, "backlogAgeSeconds", k.backlogAgeSeconds);
            opt(x, "serverCores", k.serverCores == null ? null : r2(k.serverCores));
            opt(x, "serverRssMb", k.serverRssMb);
            ser.add(x);
        }
        lag.add("series", ser);
        root.add("lag", lag);
        Verifier.Result v = b.verification;
        if (v != null) {
            root.add("verify", Json.createObjectBuilder().add("transactions", v.transactions)
                    .add("verified", v.verified).add("lost", v.lost).add("duplicated", v.duplicated)
                    .add("wrongValue", v.wrongValue).add("unconfirmedStored", v.unconfirmedStored)
                    .add("unconfirmedNotStored", v.unconfirmedNotStored).add("otherStored", v.otherStored)
                    .add("sharedTransactionIds", v.sharedTransactionIds).add("unreadable", v.fetchErrors)
                    .add("passes", v.passes).add("seconds", r2(v.waitedSeconds)));
        }
        root.add("exitCode", exitCode);
        return root.build();
    }

    private static JsonObjectBuilder map(Map<String, Long> m) {
        JsonObjectBuilder x = Json.createObjectBuilder();
        m.forEach(x::add);
        return x;
    }

    private static JsonObjectBuilder latency(Histogram h) {
        JsonObjectBuilder x = Json.createObjectBuilder().add("count", h.getTotalCount());
        if (h.getTotalCount() > 0) {
            x.add("p50", r2(h.getValueAtPercentile(50) / 1000.0)).add("p95", r2(h.getValueAtPercentile(95) / 1000.0))
                    .add("p99", r2(h.getValueAtPercentile(99) / 1000.0)).add("max", r2(h.getMaxValue() / 1000.0));
        }
        return x;
    }

    private static void opt(JsonObjectBuilder x, String name, Object value) {
        if (value instanceof String str) {
            x.add(name, str);
        } else if (value instanceof Long l) {
            x.add(name, l);
        } else if (value instanceof Integer i) {
            x.add(name, i);
        } else if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            x.add(name, d);
        }
    }

    private static double r2(double d) {
        return Double.isNaN(d) || Double.isInfinite(d) ? -1 : Math.round(d * 100) / 100.0;
    }

    private static String ms(Histogram h, double p) {
        return h.getTotalCount() == 0 ? "-" : f1(h.getValueAtPercentile(p) / 1000.0);
    }

    private static String maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? "-" : f1(h.getMaxValue() / 1000.0);
    }

    private static String f0(double d) {
        return String.format(Locale.ROOT, "%.0f", d);
    }

    private static String f1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String f2(double d) {
        return Double.isNaN(d) ? "?" : String.format(Locale.ROOT, "%.2f", d);
    }
}
