package org.opencsms.gateway.platform;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The node's timers: call timeouts, retries, delayed checks. Plain scheduled executor threads (made by
 * the server's managed thread factory once): a timer per charge point call on the server's managed
 * scheduler captured and restored the container context for every one, which a timeout that only
 * fails a future does not need. Tasks here must not need the container context (no JNDI, no EJB).
 */
@ApplicationScoped
public class Timers {
    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ScheduledThreadPoolExecutor(2, threads);
        executor.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Timers on the given executor, for tests outside a server. */
    public static Timers of(ScheduledThreadPoolExecutor executor) {
        Timers timers = new Timers();
        timers.executor = executor;
        return timers;
    }

    public ScheduledExecutorService scheduler() {
        return executor;
    }
}
