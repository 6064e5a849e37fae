package org.opencsms.gateway.platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A rate limit for log lines written once per connection. The server's log is synchronous (and the
 * WARNINGs go to the console too): in a boot storm of 1,000 charge points, threads spent 97 s blocked on it
 * in 40 s (JFR). Up to {@code perSecond} lines (bursts of {@code burst}) are written one by one; the
 * rest are counted and summed up in one line by {@link #summary} (every ping interval), so nothing
 * goes unreported.
 */
public final class LogBudget {
    private final Logger log;
    private final Level level;
    private final String what;
    private final double perSecond;
    private final double burst;
    private double tokens; // guarded by this
    private long last; // guarded by this
    private final AtomicLong suppressed = new AtomicLong();

    public LogBudget(Logger log, Level level, String what, double perSecond, double burst) {
        this.log = log;
        this.level = level;
        this.what = what;
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    /** Logs the line if the budget allows (true), else counts it (false). */
    public boolean log(Supplier<String> line) {
        if (!log.isLoggable(level)) {
            return false;
        }
        if (take(System.nanoTime())) {
            log.log(level, line);
            return true;
        }
        suppressed.incrementAndGet();
        return false;
    }

    synchronized boolean take(long now) {
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** One line for what was not logged one by one since the last summary, if anything. */
    public void summary() {
        long n = suppressed.getAndSet(0);
        if (n > 0) {
            log.log(level, () -> n + " more " + what + " not logged one by one (more than " + (long) perSecond
                    + " per second)");
        }
    }
}
