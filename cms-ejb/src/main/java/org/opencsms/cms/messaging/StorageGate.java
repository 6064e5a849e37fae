package org.opencsms.cms.messaging;

import java.util.function.LongSupplier;
import java.util.logging.Logger;

import org.opencsms.api.text.LogText;

/**
 * Pauses the storing of events while the database cannot be reached. Without it every event delivered
 * during an outage fails on its own, each with a connection attempt, a rollback and several stack
 * traces in the log: a two-minute outage under load wrote tens of megabytes and rolled the log over.
 * After a failure that says the database is unreachable, one event at a time goes through as a probe,
 * every {@value #PROBE_INTERVAL_MS} ms; the other listeners wait for the probe's outcome (bounded) and
 * hand their event back to the broker for redelivery while the outage lasts. One WARNING when storing
 * pauses, one INFO when it resumes. Per node; thread-safe.
 */
final class StorageGate {
    private static final Logger LOG = Logger.getLogger(StorageGate.class.getName());
    static final long PROBE_INTERVAL_MS = 2_000;

    private final LongSupplier clock;
    /** When storing paused (clock ms), 0 while it runs. */
    private long pausedSince; // guarded by this
    private long nextProbe; // guarded by this
    private volatile boolean paused;

    StorageGate(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Whether an event may try to be stored now: always while storing runs; during a pause, one caller
     * per probe interval. Waits up to {@code maxWaitMs} for the pause to end or for the next probe.
     */
    boolean awaitPass(long maxWaitMs) throws InterruptedException {
        if (!paused) {
            return true;
        }
        synchronized (this) {
            long deadline = clock.getAsLong() + maxWaitMs;
            while (true) {
                long now = clock.getAsLong();
                if (pausedSince == 0) {
                    return true;
                }
                if (now >= nextProbe) {
                    nextProbe = now + PROBE_INTERVAL_MS;
                    return true;
                }
                long wait = Math.min(deadline, nextProbe) - now;
                if (now >= deadline || wait <= 0) {
                    return false;
                }
                wait(wait);
            }
        }
    }

    /** An attempt failed because the database cannot be reached: storing pauses (if it ran). */
    void unreachable(Throwable failure) {
        synchronized (this) {
            if (pausedSince != 0) {
                return;
            }
            long now = clock.getAsLong();
            pausedSince = now;
            nextProbe = now + PROBE_INTERVAL_MS;
            paused = true;
        }
        LOG.warning(() -> "The database cannot be reached (" + LogText.quote(String.valueOf(failure))
                + "): storing events pauses; one event every " + PROBE_INTERVAL_MS / 1000
                + " s tries again, the others stay with the broker until it is back");
    }

    /** An attempt reached the database (stored, or failed for another reason): storing runs. */
    void reachable() {
        if (!paused) {
            return;
        }
        long pausedFor;
        synchronized (this) {
            if (pausedSince == 0) {
                return;
            }
            pausedFor = clock.getAsLong() - pausedSince;
            pausedSince = 0;
            paused = false;
            notifyAll();
        }
        LOG.info(() -> "The database is back: storing events resumes after a pause of " + pausedFor / 1000 + " s");
    }

    boolean paused() {
        return paused;
    }

    /** Given back to the broker while storing is paused: no stack trace, nothing was tried. */
    static final class Paused extends RuntimeException {
        Paused() {
            super("storing events is paused while the database cannot be reached; the broker redelivers this one",
                    null, false, false);
        }
    }
}
