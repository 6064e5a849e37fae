package org.opencsms.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.opencsms.testkit.Reply;

/**
 * Once a second: the run's counters, the server's RSS and CPU (/proc, or its /metrics), this client's
 * CPU, and the persistence backlog gauges of {@code /metrics} when the server has them.
 */
final class Monitor {

    /** One second of the run; counters are cumulative. */
    static final class Sample {
        double t;
        String phase;
        long sent, answered, errored, timedOut, late;
        int open, inFlight;
        Double backlogMessages, backlogAgeSeconds;
        long serverRssKb = -1;
        double serverCpuSeconds = Double.NaN;
        double clientCpuSeconds = Double.NaN;
        long clientRssKb = -1;
    }

    /** The last parsed /metrics answer. */
    record Metrics(long atNanos, Double backlogMessages, Double backlogAge, Double processCpu,
                           Double processRssBytes, Double heapUsedBytes) {
    }

    private final Bench bench;
    private final Rest rest;
    private final ScheduledExecutorService scheduler;
    final String serverPid;
    final String serverSource;
    private final List<Sample> samples = new ArrayList<>();
    private volatile Metrics metrics;
    private final AtomicBoolean metricsInFlight = new AtomicBoolean();
    private volatile boolean metricsAuth;
    private volatile int metricsMisses;
    /** "unknown", "available", or why not (e.g. "HTTP 404"). */
    volatile String metricsState = "unknown";
    volatile boolean backlogSeen;
    private long lastProgressNanos;
    private volatile String phase = "setup";

    Monitor(Bench bench, Rest rest, ScheduledExecutorService scheduler, String serverPid, String serverSource) {
        this.bench = bench;
        this.rest = rest;
        this.scheduler = scheduler;
        this.serverPid = serverPid;
        this.serverSource = serverSource;
    }

    void start() {
        lastProgressNanos = System.nanoTime();
        scheduler.scheduleAtFixedRate(this::sample, 0, 1000, TimeUnit.MILLISECONDS);
    }

    void phase(String p) {
        phase = p;
    }

    String phase() {
        return phase;
    }

    synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** The latest backlog gauge (messages), or null when the server exposes none. */
    Double backlogNow() {
        Metrics m = metrics;
        return m == null || System.nanoTime() - m.atNanos > 5_000_000_000L ? null : m.backlogMessages;
    }

    Double backlogAgeNow() {
        Metrics m = metrics;
        return m == null || System.nanoTime() - m.atNanos > 5_000_000_000L ? null : m.backlogAge;
    }

    /** The periodic sample: recorded, then /metrics asked again and progress printed. */
    private synchronized void sample() {
        try {
            Sample s = take();
            samples.add(s);
            scrapeMetrics();
            progress(s);
        } catch (RuntimeException e) {
            System.err.println("monitor: " + e);
        }
    }

    /** A reading now, not recorded (also used at the phase boundaries for exact snapshots). */
    Sample take() {
        {
            Stats st = bench.stats;
            Sample s = new Sample();
            s.t = (System.nanoTime() - bench.startNanos) / 1e9;
            s.phase = phase;
            s.sent = st.sentAll.sum();
            s.answered = st.answeredAll.sum();
            s.errored = st.erroredAll.sum();
            s.timedOut = st.timedOutAll.sum();
            s.late = st.lateAll.sum();
            s.open = st.open.get();
            s.inFlight = st.inFlight.get();
            ProcStats.Reading self = ProcStats.read("self");
            if (self != null) {
                s.clientCpuSeconds = self.cpuSeconds();
                s.clientRssKb = self.rssKb();
            }
            if (serverPid != null) {
                ProcStats.Reading r = ProcStats.read(serverPid);
                if (r != null) {
                    s.serverRssKb = r.rssKb();
                    s.serverCpuSeconds = r.cpuSeconds();
                }
            }
            Metrics m = metrics;
            if (m != null && System.nanoTime() - m.atNanos < 3_000_000_000L) {
                s.backlogMessages = m.backlogMessages;
                s.backlogAgeSeconds = m.backlogAge;
                if (serverPid == null) {
                    if (m.processRssBytes != null) {
                        s.serverRssKb = (long) (m.processRssBytes / 1024);
                    }
                    if (m.processCpu != null) {
                        s.serverCpuSeconds = m.processCpu;
                    }
                }
            }
            return s;
        }
    }

    private void scrapeMetrics() {
        if (metricsMisses >= 3 || !metricsInFlight.compareAndSet(false, true)) {
            return;
        }
        rest.get("/metrics", metricsAuth, Duration.ofSeconds(5)).whenComplete((reply, error) -> {
            metricsInFlight.set(false);
            if (error != null) {
                return;
            }
            if ((reply.status() == 401 || reply.status() == 403) && !metricsAuth) {
                metricsAuth = true;
                return;
            }
            if (reply.status() != 200) {
                metricsMisses++;
                if (!"available".equals(metricsState)) {
                    metricsState = "HTTP " + reply.status();
                }
                return;
            }
            metricsMisses = 0;
            metricsState = "available";
            metrics = parse(reply);
            if (metrics.backlogMessages != null || metrics.backlogAge != null) {
                backlogSeen = true;
            }
        });
    }

    /** Prometheus text: backlog gauges matched by name prefix (any labels), process metrics if present. */
    static Metrics parse(Reply reply) {
        Double backlog = null, age = null, cpu = null, rss = null, heap = null;
        for (String line : reply.body().split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (space < 0) {
                continue;
            }
            String name = brace >= 0 && brace < space ? line.substring(0, brace) : line.substring(0, space);
            String rest = brace >= 0 && brace < space ? line.substring(line.lastIndexOf('}') + 1).trim()
                    : line.substring(space + 1).trim();
            double value;
            try {
                value = Double.parseDouble(rest.split("\\s+")[0]);
            } catch (RuntimeException e) {
                continue;
            }
            if (name.startsWith("csms_event_backlog_messages")) {
                backlog = backlog == null ? value : Math.max(backlog, value);
            } else if (name.startsWith("csms_event_backlog_age")) {
                age = age == null ? value : Math.max(age, value);
            } else if (name.equals("process_cpu_seconds_total") || name.endsWith("processCpuTime_seconds")) {
                cpu = value;
            } else if (name.equals("process_resident_memory_bytes")) {
                rss = value;
            } else if (name.endsWith("memory_usedHeap_bytes")) {
                heap = value;
            }
        }
        return new Metrics(System.nanoTime(), backlog, age, cpu, rss, heap);
    }

    private void progress(Sample s) {
        double every = bench.opts.progressInterval;
        if (every <= 0 || System.nanoTime() - lastProgressNanos < every * 1e9 - 5e8) {
            return;
        }
        lastProgressNanos = System.nanoTime();
        Sample prev = samples.size() > every ? samples.get(samples.size() - 1 - (int) Math.round(every)) : samples.get(0);
        double dt = Math.max(1e-3, s.t - prev.t);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "[%6.1fs] %-8s open=%d/%d sent/s=%.0f answered/s=%.0f inflight=%d errors=%d timeouts=%d late=%d",
                s.t, s.phase, s.open, bench.opts.chargers, (s.sent - prev.sent) / dt, (s.answered - prev.answered) / dt,
                s.inFlight, s.errored, s.timedOut, s.late));
        if (s.backlogMessages != null) {
            b.append(String.format(Locale.ROOT, " backlog=%.0f", s.backlogMessages));
        }
        if (s.backlogAgeSeconds != null) {
            b.append(String.format(Locale.ROOT, " backlogAge=%.1fs", s.backlogAgeSeconds));
        }
        List<Canary.Sample> lags = bench.canary.samples();
        if (!lags.isEmpty()) {
            b.append(String.format(Locale.ROOT, " lag=%.2fs", lags.get(lags.size() - 1).lagSeconds()));
        }
        if (bench.canary.inFlight() > 0) {
            b.append(" canaries=").append(bench.canary.inFlight());
        }
        if (s.serverRssKb >= 0) {
            b.append(String.format(Locale.ROOT, " srvRSS=%dMB", s.serverRssKb / 1024));
        }
        if (!Double.isNaN(s.serverCpuSeconds) && !Double.isNaN(prev.serverCpuSeconds)) {
            b.append(String.format(Locale.ROOT, " srvCPU=%.2f", (s.serverCpuSeconds - prev.serverCpuSeconds) / dt));
        }
        if (!Double.isNaN(s.clientCpuSeconds) && !Double.isNaN(prev.clientCpuSeconds)) {
            b.append(String.format(Locale.ROOT, " cliCPU=%.2f", (s.clientCpuSeconds - prev.clientCpuSeconds) / dt));
        }
        System.err.println(b);
    }
}
