package org.opencsms.gateway.session;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.opencsms.ocpp.CallError;
import org.opencsms.ocpp.CallResult;
import org.opencsms.ocpp.OcppCodec;

/**
 * Our CALLs to one charge point: at most one in flight, the rest queued behind it, each with a timeout.
 * OCPP-J allows one outstanding CALL per direction; this side is independent of the charge point's own
 * CALLs, which are answered without waiting for ours. A CALLRESULT or CALLERROR whose id is not the
 * one in flight (late, after its timeout, or unknown) is logged and never matched to a newer call.
 */
public final class OutgoingCalls {
    private static final Logger LOG = Logger.getLogger(OutgoingCalls.class.getName());

    private final String chargePointId;
    private final OcppCodec codec;
    private final Consumer<String> wire;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    private final Deque<Outgoing> queue = new ArrayDeque<>();
    private Outgoing inFlight;
    private boolean closed;

    private static final class Outgoing {
        final String messageId = OcppCodec.newMessageId();
        final String action;
        final Object payload;
        final CompletableFuture<JsonObject> result = new CompletableFuture<>();
        ScheduledFuture<?> timer;

        Outgoing(String action, Object payload) {
            this.action = action;
            this.payload = payload;
        }
    }

    public OutgoingCalls(String chargePointId, OcppCodec codec, Consumer<String> wire,
                         ScheduledExecutorService scheduler, Duration timeout) {
        this.chargePointId = chargePointId;
        this.codec = codec;
        this.wire = wire;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /**
     * Queues a CALL. The future completes with the CALLRESULT payload, or exceptionally with
     * {@link CallErrorException}, {@link CallTimeoutException} or {@link ConnectionClosedException}.
     */
    public CompletableFuture<JsonObject> send(String action, Object payload) {
        Outgoing call = new Outgoing(action, payload);
        synchronized (this) {
            if (closed) {
                call.result.completeExceptionally(new ConnectionClosedException(chargePointId));
                return call.result;
            }
            queue.addLast(call);
            if (inFlight != null) {
                return call.result;
            }
        }
        sendNext();
        return call.result;
    }

    public void onResult(CallResult result) {
        Outgoing done = finish(result.messageId(), "CALLRESULT");
        if (done != null) {
            done.result.complete(result.payload());
            sendNext();
        }
    }

    public void onError(CallError error) {
        Outgoing done = finish(error.messageId(), "CALLERROR");
        if (done != null) {
            done.result.completeExceptionally(
                    new CallErrorException(error.errorCode(), error.description(), error.details()));
            sendNext();
        }
    }

    /** Fails the call in flight and everything queued: the socket is gone. */
    public void close() {
        Outgoing current;
        Deque<Outgoing> rest;
        synchronized (this) {
            closed = true;
            current = inFlight;
            inFlight = null;
            rest = new ArrayDeque<>(queue);
            queue.clear();
        }
        if (current != null) {
            current.timer.cancel(false);
            current.result.completeExceptionally(new ConnectionClosedException(chargePointId));
        }
        rest.forEach(c -> c.result.completeExceptionally(new ConnectionClosedException(chargePointId)));
    }

    public synchronized int pending() {
        return queue.size() + (inFlight == null ? 0 : 1);
    }

    private synchronized Outgoing finish(String messageId, String kind) {
        if (inFlight == null || !inFlight.messageId.equals(messageId)) {
            LOG.warning(() -> "Late or unknown " + kind + " " + org.opencsms.api.text.LogText.quote(messageId) + " from "
                    + chargePointId + " ignored");
            return null;
        }
        Outgoing done = inFlight;
        inFlight = null;
        done.timer.cancel(false);
        return done;
    }

    private void sendNext() {
        Outgoing next;
        synchronized (this) {
            if (inFlight != null || closed || queue.isEmpty()) {
                return;
            }
            next = queue.removeFirst();
            inFlight = next;
            next.timer = scheduler.schedule(() -> timedOut(next), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        try {
            wire.accept(codec.call(next.messageId, next.action, next.payload));
        } catch (RuntimeException e) {
            if (finish(next.messageId, "send failure") != null) {
                next.result.completeExceptionally(e);
                sendNext();
            }
        }
    }

    private void timedOut(Outgoing call) {
        synchronized (this) {
            if (inFlight != call) {
                return;
            }
            inFlight = null;
        }
        LOG.warning(() -> chargePointId + " did not answer " + call.action + " " + call.messageId + " within "
                + timeout.toSeconds() + " s");
        call.result.completeExceptionally(new CallTimeoutException(chargePointId, call.action, timeout));
        sendNext();
    }
}
