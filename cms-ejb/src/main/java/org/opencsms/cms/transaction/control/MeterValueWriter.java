package org.opencsms.cms.transaction.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import org.opencsms.cms.transaction.boundary.MeterReport;
import org.opencsms.cms.transaction.boundary.TransactionService;

/**
 * Group commit of MeterValues: the event listeners hand their reports to a few writer threads and
 * wait until their report is committed (so the broker's acknowledgement still follows the commit).
 * Each writer takes everything queued for it and stores it in one database transaction, so under load
 * one commit carries many reports instead of one. Reports of one charge point always go to the same
 * writer, in order. When a batch fails, its reports are stored one by one, so that one bad report
 * fails alone and is redelivered alone.
 */
@ApplicationScoped
public class MeterValueWriter {
    private static final Logger LOG = Logger.getLogger(MeterValueWriter.class.getName());
    /** CSMS_METER_WRITERS [2]: writer threads (each holds one database connection while it writes). */
    private static final int WRITERS = org.opencsms.cms.platform.Settings.meterWriters();
    /** Most reports in one database transaction. */
    private static final int MAX_BATCH = 500;
    /** Reports waiting per writer; a listener that finds it full waits (back-pressure to the broker). */
    private static final int QUEUE = 2_000;

    @Resource
    ManagedThreadFactory threads;
    @EJB
    TransactionService transactions;

    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean stopping;

    private record Pending(MeterReport report, CompletableFuture<Void> done) {
    }

    @PostConstruct
    void start() {
        for (int i = 0; i < WRITERS; i++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
            queues.add(queue);
            Thread writer = threads.newThread(() -> run(queue));
            writer.setName("csms-meter-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        writers.forEach(Thread::interrupt);
        for (BlockingQueue<Pending> queue : queues) {
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            left.forEach(p -> p.done().completeExceptionally(new IllegalStateException("shutting down")));
        }
    }

    /**
     * Stores the report and returns once it is committed.
     *
     * @throws IllegalStateException when it could not be stored (the caller's message is redelivered)
     */
    public void store(MeterReport report, Duration timeout) {
        Pending pending = new Pending(report, new CompletableFuture<>());
        BlockingQueue<Pending> queue = queues.get(Math.floorMod(report.chargePointId().hashCode(), queues.size()));
        try {
            if (!queue.offer(pending, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("meter value writers busy for " + timeout.toSeconds() + " s");
            }
            pending.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("meter values not stored within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private void run(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Meter value writer failed", e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        try {
            transactions.meterValues(batch.stream().map(Pending::report).toList());
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.log(Level.INFO, "A batch of " + batch.size() + " MeterValues reports failed; storing them one by one", e);
            for (Pending p : batch) {
                try {
                    transactions.meterValues(List.of(p.report()));
                    p.done().complete(null);
                } catch (RuntimeException alone) {
                    p.done().completeExceptionally(alone);
                }
            }
        }
    }
}
