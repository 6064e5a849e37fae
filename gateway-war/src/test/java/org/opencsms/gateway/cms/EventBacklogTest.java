package org.opencsms.gateway.cms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsms.gateway.platform.Timers;

/** Admission of charger events while the broker's backlog is over its limit: held, then refused. */
class EventBacklogTest {
    private ScheduledThreadPoolExecutor executor;
    private EventBacklog backlog;

    @BeforeEach
    void setUp() {
        executor = new ScheduledThreadPoolExecutor(1);
        backlog = new EventBacklog();
        backlog.timers = Timers.of(executor);
        backlog.maxHold = Duration.ofMillis(600);
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    @Test
    void underTheLimitAnEventIsAdmittedAtOnce() {
        backlog.observed(EventBacklog.LIMIT);
        assertTrue(backlog.admission().isDone());
        backlog.observed(-1); // unknown: never holds the charger
        assertTrue(backlog.admission().isDone());
    }

    @Test
    void overTheLimitAnEventWaitsUntilTheBacklogDrains() throws Exception {
        backlog.observed(EventBacklog.LIMIT + 1);
        CompletableFuture<Void> admitted = backlog.admission();
        Thread.sleep(250);
        assertFalse(admitted.isDone(), "held while over the limit");
        backlog.observed(EventBacklog.LIMIT - 1);
        admitted.get(2, TimeUnit.SECONDS);
    }

    @Test
    void anEventHeldLongerThanTheHoldIsRefused() {
        backlog.observed(EventBacklog.LIMIT + 1);
        CompletableFuture<Void> admitted = backlog.admission();
        ExecutionException e = assertThrows(ExecutionException.class, () -> admitted.get(3, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }
}
