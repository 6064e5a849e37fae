package org.opencsms.cms.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class StorageGateTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final StorageGate gate = new StorageGate(now::get);

    @Test
    void everyoneGoesThroughWhileTheDatabaseIsReachable() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            assertTrue(gate.awaitPass(0));
        }
        gate.reachable();
        assertTrue(gate.awaitPass(0));
    }

    @Test
    void duringAnOutageOneProbePerIntervalGoesThrough() throws InterruptedException {
        gate.unreachable(new SQLException("Connection refused", "08001"));
        assertTrue(gate.paused());
        assertFalse(gate.awaitPass(0), "no probe before the interval passed");
        now.addAndGet(StorageGate.PROBE_INTERVAL_MS);
        assertTrue(gate.awaitPass(0), "the probe");
        assertFalse(gate.awaitPass(0), "only one probe per interval");
        gate.unreachable(new SQLException("Connection refused", "08001"));
        assertFalse(gate.awaitPass(0), "a failed probe keeps it paused");
        now.addAndGet(StorageGate.PROBE_INTERVAL_MS);
        assertTrue(gate.awaitPass(0));
        gate.reachable();
        assertFalse(gate.paused());
        assertTrue(gate.awaitPass(0));
        assertTrue(gate.awaitPass(0), "everyone again once the database is back");
    }

    @Test
    void waitersGoThroughWhenStoringResumes() throws Exception {
        gate.unreachable(new ConnectException("refused"));
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.awaitPass(60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(waiter.isDone(), "waits while paused");
        gate.reachable();
        assertTrue(waiter.get(10, TimeUnit.SECONDS), "released by the resumption");
    }

    @Test
    void onlyConnectionFailuresCountAsUnreachable() {
        assertTrue(Failures.databaseUnreachable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(Failures.databaseUnreachable(new SQLException("the database system is shutting down", "57P03")));
        assertTrue(Failures.databaseUnreachable(new IllegalStateException(new ConnectException("refused"))));
        assertFalse(Failures.databaseUnreachable(new SQLException("duplicate key", "23505")));
        assertFalse(Failures.databaseUnreachable(new SQLException("deadlock", "40P01")));
        assertFalse(Failures.databaseUnreachable(new IllegalStateException("boom")));
    }
}
