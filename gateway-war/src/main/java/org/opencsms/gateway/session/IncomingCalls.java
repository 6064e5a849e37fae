package org.opencsms.gateway.session;

import java.util.ArrayDeque;

/**
 * A charge point's CALLs to us: answered one after the other, in the order they came (OCPP-J lets a
 * charge point have one CALL outstanding; a few more are queued in order), and at most at a steady rate: a
 * CALL over the rate waits for its turn (the charge point, waiting for our answer, slows down; an offline
 * charge point replaying its queue is paced, not refused). A charge point that sends more CALLs than may wait
 * gets CALLERRORs for the excess, cheaply; it never takes more than its share of the node's threads,
 * so it cannot slow the others.
 */
public final class IncomingCalls {
    /** What became of an offered CALL. */
    public enum Admission {
        /** Queued or started; its handler runs when its turn comes. */
        ACCEPTED,
        /** More CALLs waiting than allowed: answer it with a CALLERROR now. */
        TOO_MANY,
        /** Over the charge point's rate: queued, its handler runs once the rate allows. */
        DELAYED
    }

    private final int maxWaiting;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private final double ratePerSecond;
    private final double burst;
    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private boolean busy;
    private double tokens;
    private long refilledAt = System.nanoTime();

    /**
     * @param maxWaiting    CALLs that may wait behind the one being answered
     * @param ratePerSecond CALLs per second a charge point may send on average
     * @param burst         CALLs it may send at once after a quiet spell
     */
    public IncomingCalls(int maxWaiting, double ratePerSecond, double burst,
                         java.util.concurrent.ScheduledExecutorService timers) {
        this.maxWaiting = maxWaiting;
        this.timers = timers;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Offers a CALL; unless TOO_MANY, {@code handler} runs now or when the CALLs before it were answered. */
    public Admission offer(Runnable handler) {
        synchronized (this) {
            if (busy) {
                if (waiting.size() >= maxWaiting) {
                    return Admission.TOO_MANY;
                }
                waiting.addLast(handler);
                return Admission.ACCEPTED;
            }
            busy = true;
        }
        return start(handler);
    }

    /** The CALL being answered was answered: the next one's turn. */
    public void answered() {
        Runnable next;
        synchronized (this) {
            next = waiting.pollFirst();
            if (next == null) {
                busy = false;
                return;
            }
        }
        start(next);
    }

    /** Runs the handler now if the rate allows, else later. */
    private Admission start(Runnable handler) {
        long waitNanos;
        synchronized (this) {
            refill();
            if (tokens >= 1) {
                tokens--;
                waitNanos = 0;
            } else {
                waitNanos = (long) ((1 - tokens) / ratePerSecond * 1e9);
                tokens--;
            }
        }
        if (waitNanos == 0) {
            handler.run();
            return Admission.ACCEPTED;
        }
        timers.schedule(handler, waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        return Admission.DELAYED;
    }

    /** The socket closed: nothing waiting runs any more. */
    public synchronized void close() {
        waiting.clear();
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * ratePerSecond);
        refilledAt = now;
    }
}
