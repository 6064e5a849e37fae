package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Api;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Target;

/**
 * The node limits, against a node started with small ones (build server {@code csms-it-limits}:
 * CSMS_MAX_CONNECTIONS=3, CSMS_FIRST_FRAME_TIMEOUT=3, CSMS_SILENCE_TIMEOUT=5, pings every second):
 * an upgrade beyond the connection limit gets 503 and one fits again once a socket closed; a socket
 * that never sends a frame, and one that falls silent after its first, are closed while a charger that
 * keeps talking stays.
 */
class LimitsIT {
    private static final int MAX_CONNECTIONS = 3;
    private static final Target TARGET = Target.local(Server.HOST, Integer.getInteger("csms.http.port.limits", 19082),
            0);
    private static final Api API = new Api(TARGET, Duration.ofSeconds(20));
    private static final String BOOT = "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}";

    static {
        API.awaitReady(Duration.ofSeconds(90));
    }

    private static String registered(String prefix) {
        String id = Api.uniqueId(prefix);
        API.register("{\"id\":\"" + id + "\"}");
        return id;
    }

    /** Connects; while sockets of an earlier test are still being closed the node may be full for a moment. */
    private static ChargePointClient connect(String id) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return ChargePointClient.connect(TARGET, id);
            } catch (IllegalStateException e) {
                Throwable cause = e.getCause() instanceof java.util.concurrent.ExecutionException x ? x.getCause() : null;
                if (!(cause instanceof java.net.http.WebSocketHandshakeException h) || h.getResponse().statusCode() != 503
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            sleep(200);
        }
    }

    @Test
    void anUpgradeBeyondTheConnectionLimitGets503AndFitsOnceASocketClosed() {
        List<ChargePointClient> chargers = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                ChargePointClient c = connect(registered("FULL"));
                c.ok("BootNotification", BOOT);
                chargers.add(c);
            }
            String late = registered("LATE");
            assertEquals(503, ChargePointClient.refusalAt(TARGET.wsBase(), late, null, false), "a full node refuses");
            // the node still serves what it holds, and its API
            for (ChargePointClient c : chargers) {
                assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"));
            }
            assertEquals(200, API.get("/api/charge-points/" + late).status());

            chargers.remove(0).close();
            ChargePointClient admitted = connect(late);
            chargers.add(admitted);
            assertEquals("Accepted", admitted.ok("BootNotification", BOOT).getString("status"));
        } finally {
            chargers.forEach(ChargePointClient::close);
        }
        assertTrue(log().contains("CSMS_MAX_CONNECTIONS"), "the refusal is logged with the setting that caused it");
    }

    @Test
    void aSocketThatNeverSendsAFrameIsClosedAndOneThatTalksStays() {
        String muteId = registered("MUTE");
        String talkId = registered("TALK");
        // measured from before the upgrade: the socket cannot be closed earlier than its timeout after this
        long start = System.nanoTime();
        try (ChargePointClient mute = connect(muteId); ChargePointClient talker = connect(talkId)) {
            talker.ok("BootNotification", BOOT);
            int code = mute.awaitClose(Duration.ofSeconds(15));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(1001, code, "closed as going away");
            assertTrue(ms >= 3000, "not before the first-frame timeout (3 s): closed after " + ms + " ms");
            assertFalse(talker.isClosed(), "a charger that sent its boot stays");
            assertTrue(talker.ok("Heartbeat", "{}").containsKey("currentTime"));
        }
    }

    @Test
    void aSocketSilentAfterItsFirstFrameIsClosedWhileOneThatKeepsTalkingStays() {
        try (ChargePointClient quiet = connect(registered("QUIET")); ChargePointClient talker = connect(registered("CHATTY"))) {
            quiet.ok("BootNotification", BOOT);
            talker.ok("BootNotification", BOOT);
            // the quiet one answers pings (its WebSocket client does) but sends no frame: pongs do not count
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!quiet.isClosed() && System.nanoTime() < deadline) {
                talker.ok("Heartbeat", "{}");
                sleep(1000);
            }
            assertTrue(quiet.isClosed(), "a socket silent past CSMS_SILENCE_TIMEOUT (5 s) is closed");
            assertEquals(1001, quiet.awaitClose(Duration.ofSeconds(1)));
            assertFalse(talker.isClosed(), "a charger that sends a frame within the timeout stays");
            assertTrue(talker.ok("Heartbeat", "{}").containsKey("currentTime"));
        }
    }

    private static String log() {
        try {
            return Files.readString(Path.of(System.getProperty("csms.log.limits")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
