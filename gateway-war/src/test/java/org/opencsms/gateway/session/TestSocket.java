package org.opencsms.gateway.session;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.opencsms.ocpp.OcppVersion;

/**
 * The container's side of one charger's WebSocket, as the gateway uses it: text frames written
 * asynchronously (each completed at once, or held until the test completes it), pings, close. A
 * stand-in for the container only; nothing here is a broker or a charger's logic.
 */
public final class TestSocket {
    /** Text frames the gateway wrote to the charger, in order. */
    public final List<String> frames = new CopyOnWriteArrayList<>();
    public final List<String> pings = new CopyOnWriteArrayList<>();
    public final Session session;

    private final Map<String, Object> userProperties = new ConcurrentHashMap<>();
    private final Deque<SendHandler> unfinished = new ArrayDeque<>();
    private final Deque<Throwable> failures = new ArrayDeque<>();
    private volatile boolean open = true;
    private volatile CloseReason closeReason;
    /** When false, writes stay in progress until {@link #finishWrite()}. */
    public volatile boolean completeWrites = true;

    public TestSocket() {
        this("/ocpp/CP-1", "ocpp1.6");
    }

    public TestSocket(String path, String subprotocol) {
        URI uri = URI.create("ws://localhost:9080/csms" + path);
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        if (args.length != 2) {
                            throw new UnsupportedOperationException("sendText without a handler");
                        }
                        write((String) args[0], (SendHandler) args[1]);
                        yield null;
                    }
                    case "sendPing" -> {
                        pings.add("ping");
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "isOpen" -> open;
                    case "close" -> {
                        closeReason = args == null ? new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "")
                                : (CloseReason) args[0];
                        open = false;
                        yield null;
                    }
                    case "getUserProperties" -> userProperties;
                    case "getRequestURI" -> uri;
                    case "getNegotiatedSubprotocol" -> subprotocol;
                    case "getId" -> "test-session";
                    case "setMaxTextMessageBufferSize", "setMaxIdleTimeout" -> null;
                    case "toString" -> "TestSocket " + path;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void write(String text, SendHandler handler) {
        Throwable failure;
        synchronized (this) {
            failure = failures.pollFirst();
            if (failure == null) {
                frames.add(text);
                if (!completeWrites) {
                    unfinished.addLast(handler);
                    return;
                }
            }
        }
        handler.onResult(failure == null ? new SendResult() : new SendResult(failure));
    }

    /** The next write fails with this. */
    public synchronized void failNextWrite(Throwable failure) {
        failures.addLast(failure);
    }

    /** Completes the oldest write still in progress. */
    public void finishWrite() {
        SendHandler handler;
        synchronized (this) {
            handler = unfinished.pollFirst();
        }
        if (handler == null) {
            throw new AssertionError("no write in progress");
        }
        handler.onResult(new SendResult());
    }

    public boolean isOpen() {
        return open;
    }

    /** How the gateway closed the socket; null while open. */
    public CloseReason closeReason() {
        return closeReason;
    }

    /** A frame the gateway wrote, as JSON. */
    public JsonArray frame(int index) {
        return Json.createReader(new StringReader(frames.get(index))).readArray();
    }

    public JsonArray lastFrame() {
        return frame(frames.size() - 1);
    }

    /** An OCPP 1.6 connection of the charger {@code id} over this socket. */
    public ChargePointConnection connect(String id, ScheduledExecutorService scheduler, Duration callTimeout) {
        return new ChargePointConnection(id, session, OcppVersion.OCPP16, OcppVersion.OCPP16.codec(), scheduler,
                callTimeout);
    }
}
