package org.opencsms.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One charger's socket: frames written one at a time, a peer that does not read or answer pings closed. */
class ChargePointConnectionTest {
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final TestSocket socket = new TestSocket();
    private final ChargePointConnection connection = socket.connect("CP-1", timers, Duration.ofSeconds(30));

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    @Test
    void aWriteRefusedBecauseAnotherIsInProgressIsRecognised() {
        // Liberty's text, seen when a frame followed the previous one's completion handler
        assertTrue(ChargePointConnection.busy(new IOException(
                "write not allowed.  Most likely cause is that another Write or Close is in progress")));
        // Tomcat's (and so Payara's) state names
        assertTrue(ChargePointConnection.busy(new IllegalStateException(
                "The remote endpoint was in state [TEXT_FULL_WRITING] which is an invalid state for called method")));
        assertTrue(ChargePointConnection.busy(new RuntimeException(new IOException("write not allowed"))));
    }

    @Test
    void otherWriteFailuresAreNot() {
        assertFalse(ChargePointConnection.busy(new IOException("Broken pipe")));
        assertFalse(ChargePointConnection.busy(new IllegalStateException("The WebSocket session has been closed")));
        assertFalse(ChargePointConnection.busy(null));
    }

    @Test
    void framesAreWrittenOneAtATimeInOrder() {
        socket.completeWrites = false;
        connection.send("a");
        connection.send("b");
        connection.send("c");
        assertEquals(List.of("a"), socket.frames, "the next frame waits for the write in progress");
        socket.finishWrite();
        assertEquals(List.of("a", "b"), socket.frames);
        socket.finishWrite();
        socket.finishWrite();
        assertEquals(List.of("a", "b", "c"), socket.frames);
        connection.send("d");
        assertEquals(List.of("a", "b", "c", "d"), socket.frames, "an idle socket writes at once");
    }

    @Test
    void aPeerThatLetsFramesPileUpIsClosedAndGetsNoMore() {
        socket.completeWrites = false;
        for (int i = 0; i <= ChargePointConnection.MAX_QUEUED_FRAMES; i++) {
            connection.send("f" + i); // one being written, the rest waiting
        }
        assertTrue(socket.isOpen());
        connection.send("one too many");
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, socket.closeReason().getCloseCode());
        socket.finishWrite();
        connection.send("after close");
        assertEquals(List.of("f0"), socket.frames, "nothing written after the close");
    }

    @Test
    void aWriteRefusedAsBusyIsWrittenAgain() throws Exception {
        socket.failNextWrite(new IOException("write not allowed, another Write or Close is in progress"));
        connection.send("frame");
        waitFor(() -> socket.frames.size() == 1);
        assertEquals(List.of("frame"), socket.frames);
        assertTrue(socket.isOpen());
    }

    @Test
    void anyOtherWriteFailureClosesTheSocket() {
        socket.failNextWrite(new IOException("Broken pipe"));
        connection.send("frame");
        assertEquals(CloseReason.CloseCodes.CLOSED_ABNORMALLY, socket.closeReason().getCloseCode());
        assertTrue(socket.frames.isEmpty());
    }

    @Test
    void anIdleSocketIsPingedABusyOneIsNot() {
        connection.keepAlive(Instant.now(), Duration.ofSeconds(60));
        assertEquals(1, socket.pings.size());
        socket.completeWrites = false;
        connection.send("slow");
        connection.keepAlive(Instant.now(), Duration.ofSeconds(60));
        assertEquals(1, socket.pings.size(), "no ping while a write is in progress");
        assertNull(socket.closeReason());
    }

    @Test
    void aPeerThatAnswersNoPingIsClosed() {
        connection.keepAlive(connection.openedAt().plusSeconds(61), Duration.ofSeconds(60));
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, socket.closeReason().getCloseCode());
        assertEquals("no pong", socket.closeReason().getReasonPhrase());
    }

    /** Under load a write is often in progress at the ping's time: the pings are skipped, the frames go on. */
    @Test
    void aPeerThatKeepsSendingFramesIsAliveWithoutAPong() throws Exception {
        Thread.sleep(60);
        connection.heard();
        connection.keepAlive(connection.openedAt().plusMillis(100), Duration.ofMillis(40));
        assertNull(socket.closeReason());
        connection.keepAlive(Instant.now().plusMillis(41), Duration.ofMillis(40));
        assertEquals("no pong", socket.closeReason().getReasonPhrase(), "silent after its last frame: closed");
    }

    @Test
    void aPongKeepsThePeerAlive() throws Exception {
        Thread.sleep(60);
        connection.pong();
        // 100 ms after opening: 40 ms without a pong would be too long since the opening, not since the pong
        connection.keepAlive(connection.openedAt().plusMillis(100), Duration.ofMillis(40));
        assertNull(socket.closeReason());
    }

    @Test
    void aPeerThatReadsNothingForTooLongIsClosed() throws Exception {
        socket.completeWrites = false;
        connection.send("never read");
        Thread.sleep(30);
        connection.pong();
        connection.keepAlive(Instant.now(), Duration.ofMillis(20));
        assertEquals(CloseReason.CloseCodes.GOING_AWAY, socket.closeReason().getCloseCode());
        assertEquals("not reading", socket.closeReason().getReasonPhrase());
    }

    @Test
    void silenceIsMeasuredFromTheOpeningUntilTheFirstFrameThenFromTheLastFrame() {
        Duration firstFrame = Duration.ofSeconds(60);
        Duration silence = Duration.ofSeconds(600);
        Instant opened = connection.openedAt();
        assertFalse(connection.silent(opened.plusSeconds(59), firstFrame, silence));
        assertTrue(connection.silent(opened.plusSeconds(61), firstFrame, silence));
        connection.heard();
        assertFalse(connection.silent(opened.plusSeconds(61), firstFrame, silence));
        assertFalse(connection.silent(Instant.now().plusSeconds(599), firstFrame, silence));
        assertTrue(connection.silent(Instant.now().plusSeconds(601), firstFrame, silence));
    }

    @Test
    void closingDropsTheChargersWaitingCalls() {
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        connection.incoming().offer(() -> ran.add("first"));
        connection.incoming().offer(() -> ran.add("second"));
        connection.close(CloseReason.CloseCodes.GOING_AWAY, "silent");
        connection.incoming().answered();
        assertEquals(List.of("first"), ran);
        assertEquals("silent", socket.closeReason().getReasonPhrase());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in time");
            Thread.sleep(5);
        }
    }

    @Test
    void aRelaxedConnectionLogsEachDeviationOnceAndBoundedly() throws Exception {
        ChargePointConnection relaxed = new ChargePointConnection("CP-R", socket.session,
                org.opencsms.ocpp.OcppVersion.OCPP16, org.opencsms.ocpp.OcppVersion.OCPP16.codec(), true, timers,
                Duration.ofSeconds(30));
        assertTrue(relaxed.codec().isRelaxed());
        assertFalse(connection.codec().isRelaxed(), "strict unless asked");
        StringBuilder payload = new StringBuilder("{\"currentTime\":\"2026-12-02T10:00:00\"");
        for (int i = 0; i < 2 * ChargePointConnection.MAX_LOGGED_DEVIATIONS; i++) {
            payload.append(",\"extra").append(i).append("\":1");
        }
        jakarta.json.JsonObject sloppy = jakarta.json.Json.createReader(new java.io.StringReader(payload + "}")).readObject();
        relaxed.codec().readPayload(org.opencsms.ocpp.v16.HeartbeatResponse.class, jakarta.json.Json.createObjectBuilder()
                .add("currentTime", "2026-12-02T10:00:00").build());
        assertEquals(1, relaxed.loggedDeviations().size());
        for (int round = 0; round < 3; round++) {
            relaxed.codec().readPayload(org.opencsms.ocpp.v16.HeartbeatResponse.class, sloppy);
        }
        assertEquals(ChargePointConnection.MAX_LOGGED_DEVIATIONS, relaxed.loggedDeviations().size(),
                "a charge point cannot make the log grow without bound");
        assertTrue(relaxed.loggedDeviations().contains("HeartbeatResponse currentTime TIMESTAMP_WITHOUT_ZONE"),
                relaxed.loggedDeviations()::toString);
    }
}
