package org.opencsms.payara.it;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** A simulated charger: a real WebSocket client (subprotocol ocpp1.6) speaking OCPP-J frames. */
final class Charger implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final WebSocket socket;
    private final BlockingQueue<String> frames;

    private Charger(WebSocket socket, BlockingQueue<String> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects to {@code ws://host:port/ocpp/{id}}, {@code base} being the application's http URL. */
    static Charger connect(URI base, String id) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ocpp/" + id);
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .subprotocols("ocpp1.6")
                .buildAsync(uri, listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new Charger(socket, frames);
    }

    String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a CALL and returns the CALLRESULT payload; fails on anything else. */
    JsonObject call(String action, String payload) {
        String id = UUID.randomUUID().toString();
        send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
        JsonArray answer = next();
        if (answer.getInt(0) != 3 || !answer.getString(1).equals(id)) {
            throw new AssertionError(action + " answered with " + answer);
        }
        return answer.getJsonObject(2);
    }

    synchronized void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame the central system sent. */
    JsonArray next() {
        try {
            String frame = frames.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT.toSeconds() + " s");
            }
            return Json.createReader(new StringReader(frame)).readArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
