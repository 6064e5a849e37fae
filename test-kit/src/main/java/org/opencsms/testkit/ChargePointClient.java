package org.opencsms.testkit;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/**
 * A simulated charger: a real WebSocket client speaking OCPP-J frames. The static methods without a
 * {@link Target} connect to the server of the test run ({@link Target#fromSystemProperties()}).
 */
public final class ChargePointClient implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final BlockingQueue<String> frames;
    private final CompletableFuture<Integer> closed;

    /** Lets the listener reach the charger it belongs to, which exists only after the handshake. */
    private static final class Holder {
        volatile ChargePointClient charger;
    }

    private volatile Function<JsonArray, String> autoAnswer;

    private ChargePointClient(WebSocket socket, BlockingQueue<String> frames, CompletableFuture<Integer> closed, Holder holder) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
        holder.charger = this;
    }

    private static Target defaultTarget() {
        return DefaultTarget.VALUE;
    }

    private static final class DefaultTarget {
        static final Target VALUE = Target.fromSystemProperties();
    }

    /**
     * Answers the central system's CALLs with the given function (frame -> answer frame) instead of
     * queueing them for {@link #next()}, for chargers that are busy with their own calls.
     */
    public void answerCallsWith(Function<JsonArray, String> answer) {
        this.autoAnswer = answer;
    }

    public static ChargePointClient connect(String id) {
        return open(id, List.of("ocpp1.6"), null, false);
    }

    public static ChargePointClient connect(String id, String password) {
        return open(id, List.of("ocpp1.6"), password, false);
    }

    /** Connects charger {@code id} (ocpp1.6, no password) to the given system. */
    public static ChargePointClient connect(Target target, String id) {
        return openAt(target.wsBase(), id, List.of("ocpp1.6"), null, false);
    }

    /** Opens a socket to /ocpp/{path}; the path is used as given (already percent-encoded if needed). */
    public static ChargePointClient open(String path, List<String> subprotocols, String password, boolean tls) {
        Target t = defaultTarget();
        return openAt(tls ? t.wssBase() : t.wsBase(), path, subprotocols, password, tls);
    }

    /** Opens a socket to the given node's /ocpp/ base URL. */
    public static ChargePointClient openAt(String base, String path, List<String> subprotocols, String password, boolean tls) {
        try {
            return openAsync(base, path, subprotocols, password, tls).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("connect " + base + path + " failed", e);
        }
    }

    /** The HTTP status with which the server of the test run refused the upgrade. */
    public static int refusal(String path, String password, boolean tls) {
        Target t = defaultTarget();
        return refusalAt(tls ? t.wssBase() : t.wsBase(), path, password, tls);
    }

    /** The HTTP status with which the server at {@code base} refused the upgrade. */
    public static int refusalAt(String base, String path, String password, boolean tls) {
        try {
            ChargePointClient c = openAsync(base, path, List.of("ocpp1.6"), password, tls).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            c.close();
            throw new AssertionError("upgrade of " + path + " was accepted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer to the upgrade of " + path + " within " + WAIT.toSeconds() + " s");
        }
    }

    private static CompletableFuture<ChargePointClient> openAsync(String base, String path, List<String> subprotocols,
                                                        String password, boolean tls) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        Holder holder = new Holder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    ChargePointClient self = holder.charger;
                    Function<JsonArray, String> answer = self == null ? null : self.autoAnswer;
                    if (answer != null && text.startsWith("[2")) {
                        String reply = answer.apply(Json.createReader(new StringReader(text)).readArray());
                        CompletableFuture.runAsync(() -> self.send(reply));
                    } else {
                        frames.add(text);
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        };
        HttpClient client = tls ? Api.trustingTlsClient() : Api.HTTP;
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(WAIT);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        if (password != null) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        URI uri = URI.create(base + path);
        return builder.buildAsync(uri, listener).thenApply(ws -> new ChargePointClient(ws, frames, closed, holder));
    }

    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Sends a CALL and returns the answer (a CALLRESULT or CALLERROR frame with the same id). */
    public JsonArray call(String action, String payload) {
        String id = UUID.randomUUID().toString();
        send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
        JsonArray answer = next();
        if (!answer.getString(1).equals(id)) {
            throw new AssertionError("answer to another message: " + answer);
        }
        return answer;
    }

    /** Sends a CALL and returns the CALLRESULT payload; fails on a CALLERROR. */
    public JsonObject ok(String action, String payload) {
        JsonArray answer = call(action, payload);
        if (answer.getInt(0) != 3) {
            throw new AssertionError(action + " answered with " + answer);
        }
        return answer.getJsonObject(2);
    }

    /** Answers the central system's CALL {@code call} with a CALLRESULT carrying {@code payload}. */
    public void answer(JsonArray call, String payload) {
        send("[3,\"" + call.getString(1) + "\"," + payload + "]");
    }

    /** One send at a time: the WebSocket client refuses a send before the previous one completed. */
    public synchronized void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame the central system sent. */
    public JsonArray next() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonArray frame = poll(Duration.ofMillis(200));
            if (frame != null) {
                return frame;
            }
            if (isClosed() && frames.isEmpty()) {
                // as a charger notices a closed socket: at once, not after its call timeout
                throw new AssertionError("socket closed before the next frame came");
            }
        }
        throw new AssertionError("no frame within " + WAIT.toSeconds() + " s");
    }

    /** The next frame if one arrives within the given time, else null. */
    public JsonArray poll(Duration within) {
        try {
            String frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            return frame == null ? null : Json.createReader(new StringReader(frame)).readArray();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The close code the server sent, waiting at most {@code within}. */
    public int awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket still open after " + within, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone() || socket.isInputClosed();
    }

    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            }
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
