package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;

/** One session per charger, replaced by a new connection; dead sockets are closed. */
class SessionIT {

    @Test
    void secondConnectionReplacesTheFirstWithoutBeingTornDownByItsClose() throws Exception {
        String id = Server.uniqueId("DUP");
        Server.register("{\"id\":\"" + id + "\"}");
        ChargePointClient first = ChargePointClient.connect(id);
        first.ok("Heartbeat", "{}");
        try (ChargePointClient second = ChargePointClient.connect(id)) {
            assertEquals(1000, first.awaitClose(Duration.ofSeconds(10)), "the old socket is closed");
            // the old socket's close is processed after the new session opened; it must not end it
            Thread.sleep(500);
            assertTrue(second.ok("Heartbeat", "{}").containsKey("currentTime"));
            second.ok("StatusNotification", """
                    {"connectorId":1,"errorCode":"NoError","status":"Available"}""");
            Server.awaitObject("/api/charge-points/" + id,
                    o -> o.getBoolean("connected") && o.getJsonArray("connectors").size() == 1);
            Thread.sleep(1000);
            assertTrue(Server.get("/api/charge-points/" + id).object().getBoolean("connected"),
                    "still connected after the replaced socket's close was recorded");
        }
        Server.awaitObject("/api/charge-points/" + id, o -> !o.getBoolean("connected"));
    }

    /** A raw client that completes the upgrade and then never answers a ping (a half-open charger). */
    @Test
    void socketThatAnswersNoPingsIsClosed() throws Exception {
        String id = Server.uniqueId("DEAD");
        try (Socket socket = new Socket(Server.HOST, Server.HTTP_PORT)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String key = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
            out.write(("GET /ocpp/" + id + " HTTP/1.1\r\nHost: " + Server.HOST + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertTrue(head.startsWith("HTTP/1.1 101"), head);
            Instant start = Instant.now();
            boolean sawPing = false;
            int opcode;
            // the test server pings every 2 s and gives up after two intervals without a pong
            while ((opcode = readFrameOpcode(in)) != 0x8) {
                if (opcode == 0x9) {
                    sawPing = true;
                }
                if (opcode < 0) {
                    break;
                }
            }
            assertTrue(sawPing, "the server pinged");
            Duration took = Duration.between(start, Instant.now());
            assertTrue(took.toSeconds() < 15, "closed after " + took);
        }
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /** Reads one unmasked server frame and returns its opcode (-1 at end of stream). */
    private static int readFrameOpcode(InputStream in) throws Exception {
        int b0 = in.read();
        if (b0 < 0) {
            return -1;
        }
        int b1 = in.read();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = (in.read() << 8) | in.read();
        } else if (len == 127) {
            len = 0;
            for (int i = 0; i < 8; i++) {
                len = (len << 8) | in.read();
            }
        }
        in.readNBytes((int) len);
        return b0 & 0x0f;
    }
}
