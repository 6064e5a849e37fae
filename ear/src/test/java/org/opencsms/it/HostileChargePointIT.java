package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Api;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * What an unauthenticated or misbehaving charger sends must cost bounded work, get the right answer,
 * and never hurt the other chargers of the node; nothing it is answered for may be lost.
 */
class HostileChargePointIT {

    private static ChargePointClient registeredCharger(String prefix) {
        String id = Server.uniqueId(prefix);
        Server.register("{\"id\":\"" + id + "\"}");
        return ChargePointClient.connect(id);
    }

    private static void assertCallError(JsonArray answer, String id, String code) {
        assertEquals(4, answer.getInt(0), answer.toString());
        assertEquals(id, answer.getString(1), answer.toString());
        assertEquals(code, answer.getString(2), answer.toString());
    }

    @Test
    void aNumberWithAHugeExponentIsAFormationViolationAnsweredAtOnce() {
        try (ChargePointClient c = registeredCharger("EXP")) {
            long start = System.nanoTime();
            c.send("[2,\"e1\",\"StatusNotification\",{\"connectorId\":1E-1000000000,\"errorCode\":\"NoError\","
                    + "\"status\":\"Available\"}]");
            assertCallError(c.next(), "e1", "FormationViolation");
            c.send("[2,\"e2\",\"StatusNotification\",{\"connectorId\":1E+1000000000,\"errorCode\":\"NoError\","
                    + "\"status\":\"Available\"}]");
            assertCallError(c.next(), "e2", "FormationViolation");
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 5, "answered at once");
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"), "the session lives on");
        }
    }

    @Test
    void aFiveThousandDigitNumberAndADeepNestingAreFormationViolations() {
        try (ChargePointClient c = registeredCharger("BIG")) {
            c.send("[2,\"n1\",\"StatusNotification\",{\"connectorId\":" + "9".repeat(5000)
                    + ",\"errorCode\":\"NoError\",\"status\":\"Available\"}]");
            assertCallError(c.next(), "n1", "FormationViolation");
            c.send("[2,\"n2\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}]");
            assertCallError(c.next(), "n2", "FormationViolation");
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"), "the session lives on");
        }
    }

    @Test
    void aNulCharacterIsRefusedBeforeTheAnswerAndNothingOfTheMessageIsStored() {
        String id = Server.uniqueId("NUL");
        Server.register("{\"id\":\"" + id + "\"}");
        Sessions.tag("NUL" + id.substring(id.length() - 6), "");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            int tx = Sessions.startedId(c, 1, "NUL" + id.substring(id.length() - 6), 0, "2026-05-02T10:00:00Z");
            JsonArray refused = c.call("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{"
                    + "\"timestamp\":\"2026-05-02T10:05:00Z\",\"sampledValue\":[{\"value\":\"1\\u00002\"},"
                    + "{\"value\":\"7\",\"measurand\":\"Current.Import\",\"unit\":\"A\"}]}]}");
            assertEquals(4, refused.getInt(0), "refused, not answered and then lost: " + refused);
            assertEquals("PropertyConstraintViolation", refused.getString(2));
            Sessions.meter(c, 1, tx, "2026-05-02T10:10:00Z", 500, 8.0);
            JsonObject t = Server.awaitObject("/api/transactions/" + tx, o -> o.getJsonArray("meterValues").size() == 2);
            assertFalse(t.toString().contains("10:05:00"), "nothing of the refused message: " + t);
        }
    }

    @Test
    void aFloodOfCallsGetsAnswersForAFewAndCallErrorsForTheRest() throws Exception {
        String id = Server.uniqueId("FLOOD");
        Server.register("{\"id\":\"" + id + "\"}");
        try (Socket socket = rawUpgrade(id)) {
            socket.setSoTimeout(30_000);
            // twelve CALLs in one TCP write: all of them arrive before the first can have been answered
            int n = 12;
            java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < n; i++) {
                burst.writeBytes(maskedText("[2,\"f" + i + "\",\"Heartbeat\",{}]"));
            }
            socket.getOutputStream().write(burst.toByteArray());
            socket.getOutputStream().flush();
            Map<String, JsonArray> answers = new HashMap<>();
            InputStream in = socket.getInputStream();
            while (answers.size() < n) {
                JsonArray a = jakarta.json.Json.createReader(new java.io.StringReader(readText(in))).readArray();
                assertEquals(null, answers.put(a.getString(1), a), "answered once: " + a);
            }
            for (int i = 0; i < n; i++) {
                JsonArray a = answers.get("f" + i);
                if (i < 5) {
                    assertEquals(3, a.getInt(0), "one in flight and 4 waiting are answered: " + answers.values());
                } else {
                    assertEquals(4, a.getInt(0), "the excess is refused at once: " + answers.values());
                    assertEquals("GenericError", a.getString(2), a.toString());
                }
            }
            socket.getOutputStream().write(maskedText("[2,\"after\",\"Heartbeat\",{}]"));
            JsonArray after = jakarta.json.Json.createReader(new java.io.StringReader(readText(in))).readArray();
            assertEquals(3, after.getInt(0), "served normally afterwards: " + after);
        }
    }

    /** The next text frame from the server (unmasked); control frames (pings) are skipped. */
    private static String readText(InputStream in) throws java.io.IOException {
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                throw new java.io.EOFException("closed by the server");
            }
            long length = b1 & 0x7f;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = java.nio.ByteBuffer.wrap(in.readNBytes(8)).getLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if ((b0 & 0x0f) == 1) {
                return new String(payload, StandardCharsets.UTF_8);
            }
            if ((b0 & 0x0f) == 8) {
                throw new java.io.EOFException("close frame from the server");
            }
        }
    }

    @Test
    void aChargerThatStopsReadingIsClosedAndTheOthersAreNotSlowedDown() throws Exception {
        String stuck = Server.uniqueId("STUCK");
        Server.register("{\"id\":\"" + stuck + "\"}");
        try (Socket socket = rawUpgrade(stuck); ChargePointClient healthy = registeredCharger("HEALTHY")) {
            Server.awaitObject("/api/charge-points/" + stuck, o -> o.getBoolean("connected"));
            // thousands of CALLs, never reading an answer: the node's writes to this socket back up
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < 40_000; i++) {
                        out.write(maskedText("[2,\"s" + i + "\",\"Heartbeat\",{}]"));
                    }
                    out.flush();
                } catch (java.io.IOException e) {
                    // closed by the node: what this test expects sooner or later
                }
            });
            for (int i = 0; i < 10; i++) {
                long start = System.nanoTime();
                healthy.ok("Heartbeat", "{}");
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(ms < 2000, "another charger's Heartbeat took " + ms + " ms");
                Thread.sleep(300);
            }
            Server.awaitObject("/api/charge-points/" + stuck, o -> !o.getBoolean("connected"));
            flood.get(60, TimeUnit.SECONDS);
            assertTrue(Server.log().lines().anyMatch(l -> l.contains(stuck) && (l.contains("does not read its frames")
                    || l.contains("read nothing of our frames"))), "closed for not reading");
        }
    }

    /** A masked WebSocket text frame, as a client must send it. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    @Test
    void aStormOfWrongPasswordsDoesNotDelayOtherChargers() throws Exception {
        String victim = Server.uniqueId("STORM");
        Server.register("{\"id\":\"" + victim + "\",\"password\":\"0123456789abcdef\"}");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<WebSocket>> storm = new ArrayList<>();
        String wrong = "Wrong" + java.util.UUID.randomUUID() + "-";
        for (int i = 0; i < 200; i++) {
            storm.add(client.newWebSocketBuilder().subprotocols("ocpp1.6")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (victim + ":" + wrong + i).getBytes(StandardCharsets.UTF_8)))
                    .buildAsync(URI.create(Server.wsBase() + victim), new WebSocket.Listener() {
                    }));
        }
        long start = System.nanoTime();
        try (ChargePointClient healthy = registeredCharger("CALM")) {
            healthy.ok("BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");
            healthy.ok("Heartbeat", "{}");
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < 5000, "a healthy charger connected and booted in " + ms + " ms during the storm");
        for (CompletableFuture<WebSocket> f : storm) {
            try {
                f.get(60, TimeUnit.SECONDS).abort();
                throw new AssertionError("a wrong password was accepted");
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof java.net.http.WebSocketHandshakeException, String.valueOf(e.getCause()));
            }
        }
        String log = Server.log();
        assertTrue(!log.contains(wrong) && !log.contains("0123456789abcdef"),
                "no password, right or wrong, in any log line");
    }

    @Test
    void credentialsForAnUnregisteredIdAreRefusedLikeAWrongPassword() {
        String unknown = Server.uniqueId("NOBODY");
        String known = Server.uniqueId("SOMEBODY");
        Server.register("{\"id\":\"" + known + "\",\"password\":\"0123456789abcdef\"}");
        long t0 = System.nanoTime();
        assertEquals(401, ChargePointClient.refusal(unknown, "0123456789abcdef", false));
        long unknownMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        t0 = System.nanoTime();
        assertEquals(401, ChargePointClient.refusal(known, "fedcba9876543210", false));
        long knownMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(unknownMs * 3 >= knownMs, "the unknown id costs a password check too: " + unknownMs + " vs "
                + knownMs + " ms");
    }

    @Test
    void aForgedLogLineInAnActionNameStaysOnOneEscapedLine() {
        String marker = "forged-" + Api.uniqueId("X");
        try (ChargePointClient c = registeredCharger("FORGE")) {
            JsonArray a = c.call("Heartbeat\\r\\n[AUDIT] " + marker, "{}");
            assertEquals("NotImplemented", a.getString(2), a.toString());
        }
        String log = Server.log();
        assertTrue(log.contains(marker), "logged");
        assertFalse(log.lines().anyMatch(l -> l.startsWith("[AUDIT] " + marker)), "no line of its own");
    }

    @Test
    void theCommandHistoryDoesNotShowAnAuthorizationKey() throws Exception {
        String id = Server.uniqueId("KEY");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            Server.awaitObject("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            CompletableFuture<Reply> r = CompletableFuture.supplyAsync(() -> Server.post("/api/charge-points/" + id
                    + "/commands/ChangeConfiguration", "{\"key\":\"AuthorizationKey\",\"value\":\"s3cret-key-0123456\"}"));
            JsonArray call = c.next();
            assertEquals("s3cret-key-0123456", call.getJsonObject(3).getString("value"), "the charger gets it");
            c.answer(call, "{\"status\":\"Accepted\"}");
            assertEquals(200, r.get(30, TimeUnit.SECONDS).status());
        }
        String history = Server.get("/api/charge-points/" + id + "/commands").body();
        assertFalse(history.contains("s3cret-key-0123456"), history);
        assertTrue(history.contains("***"), history);
    }

    @Test
    void aChargerWithoutPasswordIsSecurityProfileZeroAndSaidSo() {
        String id = Server.uniqueId("P0");
        Server.register("{\"id\":\"" + id + "\"}");
        assertEquals(0, Server.get("/api/charge-points/" + id).object().getInt("securityProfile"));
        // the WARNING comes at most 10 per second (other tests' chargers may have used that up): a charger
        // that was not warned about one by one is warned about when it connects again
        boolean warned = false;
        for (int attempt = 0; attempt < 10 && !warned; attempt++) {
            try (ChargePointClient c = ChargePointClient.connect(id)) {
                c.ok("Heartbeat", "{}");
            }
            warned = Server.log().lines().anyMatch(l -> l.contains("Charge point " + id) && l.contains("security profile 0"));
            if (!warned) {
                sleep(1000);
            }
        }
        assertTrue(warned, "a WARNING names the profile-0 charger");
    }

    @Test
    void startTransactionsOfAnUnregisteredChargerTakeNoTransactionIds() {
        try (ChargePointClient c = ChargePointClient.connect(Server.uniqueId("GHOST"))) {
            for (int i = 0; i < 3; i++) {
                JsonObject start = Sessions.start(c, 1, "ANY", i, "2026-05-03T10:00:0" + i + "Z");
                assertEquals(0, start.getInt("transactionId"));
                assertEquals("Invalid", start.getJsonObject("idTagInfo").getString("status"));
            }
        }
    }

    @Test
    void failedAdminLoginsAreThrottled() throws Exception {
        for (int i = 0; i < 6; i++) {
            Reply r = Api.send(Server.API.anonymous("/api/id-tags")
                    .header("Authorization", org.opencsms.testkit.Target.basic("admin", "guess-" + i)).GET());
            assertEquals(401, r.status());
        }
        assertEquals(401, Server.get("/api/id-tags").status(), "even the right password waits out the penalty");
        Thread.sleep(1500);
        assertEquals(200, Server.get("/api/id-tags").status());
        assertTrue(Server.log().contains("default password 'admin'"), "the default admin password is warned about");
    }

    /** A WebSocket upgrade on a plain socket, after which the client never reads again. */
    private static Socket rawUpgrade(String id) throws Exception {
        Socket socket = new Socket(Server.HOST, Server.HTTP_PORT);
        socket.setReceiveBufferSize(4096);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ocpp/" + id + " HTTP/1.1\r\nHost: " + Server.HOST + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
        return socket;
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
