package org.opencsms.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One charger's CALLs: one at a time in order, a few waiting, the excess refused, the rest paced. */
class IncomingCallsTest {
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    @Test
    void callsAreAnsweredOneAtATimeInOrderAndTheExcessIsRefused() {
        IncomingCalls calls = new IncomingCalls(2, 1000, 1000, timers);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        assertEquals(IncomingCalls.Admission.ACCEPTED, calls.offer(() -> ran.add(1)));
        assertEquals(IncomingCalls.Admission.ACCEPTED, calls.offer(() -> ran.add(2)));
        assertEquals(IncomingCalls.Admission.ACCEPTED, calls.offer(() -> ran.add(3)));
        assertEquals(IncomingCalls.Admission.TOO_MANY, calls.offer(() -> ran.add(4)));
        assertEquals(List.of(1), ran, "the second waits until the first is answered");
        calls.answered();
        assertEquals(List.of(1, 2), ran);
        calls.answered();
        calls.answered();
        assertEquals(List.of(1, 2, 3), ran);
        assertEquals(IncomingCalls.Admission.ACCEPTED, calls.offer(() -> ran.add(5)));
        assertEquals(List.of(1, 2, 3, 5), ran);
    }

    @Test
    void callsOverTheRateAreDelayedNotRefused() throws Exception {
        IncomingCalls calls = new IncomingCalls(5, 10, 2, timers);
        CountDownLatch done = new CountDownLatch(6);
        long start = System.nanoTime();
        for (int i = 0; i < 6; i++) {
            Runnable answer = () -> {
                done.countDown();
                calls.answered();
            };
            IncomingCalls.Admission a = calls.offer(answer);
            assertTrue(a != IncomingCalls.Admission.TOO_MANY, "waiting, not refused");
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // 2 at once (the burst), 4 more at 10 per second: about 400 ms
        assertTrue(ms >= 300, "paced: " + ms + " ms");
    }

    @Test
    void aCallOverTheRateIsReportedDelayedAndRunsLater() throws Exception {
        IncomingCalls calls = new IncomingCalls(5, 2, 1, timers); // the next token in 500 ms
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch second = new CountDownLatch(1);
        assertEquals(IncomingCalls.Admission.ACCEPTED, calls.offer(() -> ran.add("a")));
        calls.answered();
        assertEquals(IncomingCalls.Admission.DELAYED, calls.offer(() -> {
            ran.add("b");
            second.countDown();
        }));
        assertEquals(List.of("a"), ran, "not run at once");
        assertTrue(second.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("a", "b"), ran);
    }
}
