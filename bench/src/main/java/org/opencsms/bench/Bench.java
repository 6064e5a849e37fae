package org.opencsms.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import jakarta.json.Json;

import org.opencsms.testkit.Reply;
import org.opencsms.testkit.Target;

/**
 * The load generator of the benchmark: registers N charge points and a tag through the REST API,
 * connects N simulated OCPP 1.6 chargers at R per second over non-blocking WebSockets, lets each boot,
 * authorize, start a transaction and send MeterValues and Heartbeats on timers for the steady state,
 * stops them, verifies that every acknowledged meter value is stored exactly once, and reports.
 */
public final class Bench {
    final Options opts;
    final Stats stats = new Stats();
    final long callTimeoutMs;
    volatile boolean stopping;
    volatile boolean perChargerTags;
    long startNanos;
    Canary canary;

    private final CountDownLatch connectResolved;
    private final CountDownLatch settled;
    private final AtomicInteger closed = new AtomicInteger();

    // what the report needs
    Rest rest;
    Monitor monitor;
    final Setup setup = new Setup();
    double rampSeconds = Double.NaN;
    double connectAllSeconds = Double.NaN;
    double settleSeconds = Double.NaN;
    boolean settledInTime;
    Monitor.Sample steadyStart;
    Monitor.Sample steadyEnd;
    int openAtSteadyStart;
    int openAtSteadyEnd;
    double stopSeconds = Double.NaN;
    int forceClosed;
    Verifier.Result verification;
    String serverPid;
    String serverSource;
    String wsBase;
    String readiness;
    List<SimChargePoint> chargers;

    /** What the set-up through the REST API did. */
    static final class Setup {
        final LongAdder created = new LongAdder();
        final LongAdder existed = new LongAdder();
        final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
        double seconds;
        String tagOutcome = "not created (--no-register)";
        String tagProblem;
    }

    Bench(Options opts) {
        this.opts = opts;
        this.callTimeoutMs = (long) (opts.callTimeout * 1000);
        this.connectResolved = new CountDownLatch(opts.chargers);
        this.settled = new CountDownLatch(opts.chargers);
    }

    public static void main(String[] args) {
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("csms-bench: " + e.getMessage() + "\n");
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (opts.help) {
            System.out.print(Options.USAGE);
            return;
        }
        int code;
        try {
            code = new Bench(opts).run();
        } catch (SetupException e) {
            System.err.println("csms-bench: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    static final class SetupException extends Exception {
        SetupException(String message) {
            super(message);
        }
    }

    // ---- callbacks from the chargers (any event loop) ----

    void connectResolved() {
        connectResolved.countDown();
    }

    void chargerSettled() {
        settled.countDown();
    }

    void chargerClosed() {
        closed.incrementAndGet();
    }

    // ---- the run ----

    int run() throws Exception {
        Target target = Target.of(opts.url, opts.adminUser, opts.adminPassword);
        rest = new Rest(target);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "bench-scheduler");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        try {
            return run(scheduler);
        } finally {
            scheduler.shutdownNow();
            rest.close();
        }
    }

    private int run(ScheduledExecutorService scheduler) throws Exception {
        System.out.printf("csms-bench: %s, %d chargers at %s/s, MeterValues every %s s, Heartbeat every %s s, "
                        + "%s s steady state, run id %s%n", opts.url, opts.chargers, Options.fmt(opts.rate),
                Options.fmt(opts.meterInterval), Options.fmt(opts.heartbeatInterval), Options.fmt(opts.duration),
                opts.runId);
        try {
            Reply r = rest.get("/health/ready", false, Duration.ofSeconds(10)).join();
            readiness = r.status() + " " + (r.body().contains("\"UP\"") && r.status() == 200 ? "UP" : "not UP");
        } catch (RuntimeException e) {
            throw new SetupException(opts.url + " unreachable: " + e.getCause());
        }
        URI uri = URI.create(opts.url);
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        if (opts.serverPid > 0) {
            serverPid = Long.toString(opts.serverPid);
            serverSource = "/proc/" + serverPid + " (--server-pid)";
        } else {
            serverPid = ProcStats.listenerOf(uri.getHost(), port);
            serverSource = serverPid != null ? "/proc/" + serverPid + " (listens on port " + port + ")"
                    : "/metrics process metrics if present";
        }
        if (serverPid != null && ProcStats.read(serverPid) == null) {
            System.err.println("cannot read /proc/" + serverPid + "; server resources from /metrics if present");
            serverPid = null;
            serverSource = "/metrics process metrics if present";
        }
        if (serverPid != null) {
            System.err.println("server process " + serverPid + ": " + ProcStats.commandOf(serverPid));
        }

        if (opts.register) {
            register();
        }

        WsClient client = new WsClient(opts.url, opts.threads, (long) (opts.connectTimeout * 1000), callTimeoutMs);
        wsBase = client.wsBase();
        chargers = new ArrayList<>(opts.chargers);
        for (int i = 0; i < opts.chargers; i++) {
            chargers.add(new SimChargePoint(this, i, opts.chargerId(i)));
        }
        startNanos = System.nanoTime();
        canary = new Canary(rest, scheduler, startNanos, opts.verifyWait);
        monitor = new Monitor(this, rest, scheduler, serverPid, serverSource);
        monitor.phase("ramp");
        monitor.start();
        if (opts.meterValues()) {
            canary.start(opts.canaryInterval);
        }

        // the ramp: chargers connect at opts.rate per second
        CountDownLatch rampDone = new CountDownLatch(1);
        int[] next = {0};
        scheduler.scheduleAtFixedRate(() -> {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            long due = Math.min(opts.chargers, (long) Math.floor(elapsed * opts.rate) + 1);
            while (next[0] < due) {
                stats.connectAttempts.increment();
                client.connect(chargers.get(next[0]++));
            }
            if (next[0] >= opts.chargers) {
                rampSeconds = (System.nanoTime() - startNanos) / 1e9;
                rampDone.countDown();
                throw new CancellationMarker(); // ends the fixed-rate task
            }
        }, 0, 5, TimeUnit.MILLISECONDS);
        rampDone.await();

        // everyone connected (or failed) and through boot .. start transaction, or the deadline
        long settleBudgetMs = (long) (opts.connectTimeout * 1000) + callTimeoutMs * 6 + 10_000;
        connectResolved.await(settleBudgetMs, TimeUnit.MILLISECONDS);
        long last = stats.lastEstablishedNanos.get();
        connectAllSeconds = last == 0 ? Double.NaN : (last - startNanos) / 1e9;
        monitor.phase("starting");
        settledInTime = settled.await(settleBudgetMs, TimeUnit.MILLISECONDS);
        settleSeconds = (System.nanoTime() - startNanos) / 1e9;
        if (!settledInTime) {
            System.err.printf("not every charger through its start within %d s; steady state begins anyway%n",
                    settleBudgetMs / 1000);
        }

        // steady state
        monitor.phase("steady");
        openAtSteadyStart = stats.open.get();
        steadyStart = monitor.take();
        if (openAtSteadyStart > 0) {
            Thread.sleep((long) (opts.duration * 1000));
        } else {
            System.err.println("no charger connected: no steady state");
        }
        steadyEnd = monitor.take();
        openAtSteadyEnd = stats.open.get();

        // the end: StopTransaction after the call in flight, then close
        monitor.phase("stopping");
        stopping = true;
        canary.stopLaunching();
        long stopStart = System.nanoTime();
        for (SimChargePoint c : chargers) {
            if (c.channel() != null) {
                c.channel().eventLoop().execute(c::stop);
            }
        }
        long stopDeadline = stopStart + callTimeoutMs * 1_000_000L * 2 + 5_000_000_000L;
        while (stats.open.get() > 0 && System.nanoTime() < stopDeadline) {
            Thread.sleep(100);
        }
        forceClosed = stats.open.get();
        if (forceClosed > 0) {
            for (SimChargePoint c : chargers) {
                if (c.channel() != null) {
                    c.channel().eventLoop().execute(c::forceClose);
                }
            }
            Thread.sleep(1000);
        }
        stopSeconds = (System.nanoTime() - stopStart) / 1e9;
        client.shutdown(); // after this, the chargers' fields are safe to read here

        // verification
        long verifyDeadline = System.nanoTime() + (long) (opts.verifyWait * 1e9);
        if (opts.verifyEnabled()) {
            monitor.phase("verify");
            System.err.println("verifying the meter values of " + stats.transactionsStarted.sum() + " transactions");
            verification = new Verifier(rest).verify(chargers, monitor, opts.verifyWait);
        }
        monitor.phase("drain");
        while (canary.inFlight() > 0 && System.nanoTime() < verifyDeadline) {
            Thread.sleep(200);
        }
        // one more second of samples for the series
        Thread.sleep(1100);

        Report report = new Report(this);
        System.out.println();
        System.out.print(report.text());
        int code = verification != null && (verification.lost > 0 || verification.duplicated > 0) ? 1 : 0;
        System.out.println("BENCH-RESULT " + report.json(code));
        return code;
    }

    /** Thrown by the ramp's last tick to end the fixed-rate task. */
    private static final class CancellationMarker extends RuntimeException {
        CancellationMarker() {
            super(null, null, false, false);
        }
    }

    // ---- the set-up through the REST API ----

    private void register() throws Exception {
        long t0 = System.nanoTime();
        registerAll("charge points", "/api/charge-points", i -> Json.createObjectBuilder().add("id", opts.chargerId(i))
                .build().toString(), setup.created, setup.existed, setup.failed);
        long failed = setup.failed.values().stream().mapToLong(LongAdder::sum).sum();
        if (failed == opts.chargers) {
            throw new SetupException("no charge point could be registered: " + Stats.snapshot(setup.failed));
        }
        if (!opts.meterValues()) {
            setup.tagOutcome = "not needed (no transactions)";
            finishSetup(t0, failed);
            return;
        }
        String tagJson = Json.createObjectBuilder().add("idTag", opts.tag).add("allowConcurrentTx", true).build()
                .toString();
        try {
            Reply r = rest.post("/api/id-tags", tagJson, Duration.ofSeconds(30)).join();
            if (r.status() == 201) {
                setup.tagOutcome = "created (allowConcurrentTx)";
            } else if (r.status() == 409) {
                setup.tagOutcome = "existed";
                Reply g = rest.get("/api/id-tags/" + opts.tag, true, Duration.ofSeconds(30)).join();
                if (g.status() == 200 && !g.body().contains("\"allowConcurrentTx\":true")) {
                    setup.tagOutcome = "existed without allowConcurrentTx: StartTransactions may be ConcurrentTx";
                }
            } else {
                setup.tagProblem = "HTTP " + r.status() + " " + r.body();
            }
        } catch (RuntimeException e) {
            setup.tagProblem = String.valueOf(e.getCause());
        }
        if (setup.tagProblem != null) {
            // one tag per charger: no concurrent transactions on a tag, so allowConcurrentTx is not needed
            System.err.println("tag " + opts.tag + " with allowConcurrentTx not created (" + setup.tagProblem
                    + "); registering one tag per charger instead");
            perChargerTags = true;
            LongAdder created = new LongAdder(), existed = new LongAdder();
            Map<String, LongAdder> tagFailed = new ConcurrentHashMap<>();
            registerAll("tags", "/api/id-tags", i -> Json.createObjectBuilder().add("idTag", tagOf(i)).build()
                    .toString(), created, existed, tagFailed);
            setup.tagOutcome = String.format("one per charger (%s..%s): %d created, %d existed, %d failed%s",
                    tagOf(0), tagOf(opts.chargers - 1), created.sum(), existed.sum(),
                    tagFailed.values().stream().mapToLong(LongAdder::sum).sum(),
                    tagFailed.isEmpty() ? "" : " " + Stats.snapshot(tagFailed));
        }
        finishSetup(t0, failed);
    }

    private void finishSetup(long t0, long failed) {
        setup.seconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("set-up: %d charge points created, %d existed, %d failed; tag %s (%.1f s)%n",
                setup.created.sum(), setup.existed.sum(), failed, setup.tagOutcome, setup.seconds);
    }

    /** The id tag charger {@code index} presents. */
    String tagOf(int index) {
        if (!perChargerTags) {
            return opts.tag;
        }
        String suffix = "-" + (index + 1);
        String base = opts.tag.length() + suffix.length() > 20 ? opts.tag.substring(0, 20 - suffix.length()) : opts.tag;
        return base + suffix;
    }

    /** POSTs one JSON per charger index with bounded concurrency; 201 created, 409 existed, else failed. */
    private void registerAll(String what, String path, IntFunction<String> json, LongAdder created, LongAdder existed,
                             Map<String, LongAdder> failed) throws InterruptedException {
        Semaphore permits = new Semaphore(opts.registerConcurrency);
        for (int i = 0; i < opts.chargers; i++) {
            permits.acquire();
            postWithRetry(path, json.apply(i), 0).whenComplete((r, e) -> {
                try {
                    if (e != null) {
                        String m = e.getCause() != null ? e.getCause().toString() : e.toString();
                        failed.computeIfAbsent(m.length() > 80 ? m.substring(0, 80) : m, k -> new LongAdder())
                                .increment();
                    } else if (r.status() == 201) {
                        created.increment();
                    } else if (r.status() == 409) {
                        existed.increment();
                    } else {
                        failed.computeIfAbsent("HTTP " + r.status(), k -> new LongAdder()).increment();
                    }
                } finally {
                    permits.release(); // after counting: the caller reads the counters once all permits are back
                }
            });
            if ((i + 1) % 2000 == 0) {
                System.err.printf("registering %s: %d of %d sent%n", what, i + 1, opts.chargers);
            }
        }
        permits.acquire(opts.registerConcurrency);
    }

    private CompletableFuture<Reply> postWithRetry(String path, String json, int attempt) {
        return rest.post(path, json, Duration.ofSeconds(30)).handle((r, e) -> {
            if ((e != null || r.status() >= 500) && attempt < 2) {
                return postWithRetry(path, json, attempt + 1);
            }
            return e != null ? CompletableFuture.<Reply>failedFuture(e) : CompletableFuture.completedFuture(r);
        }).thenCompose(f -> f);
    }
}
