package org.opencsms.gateway.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import org.opencsms.ocpp.Deviation;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppVersion;

/**
 * One charge point's open WebSocket on this node. Frames are written one at a time (a WebSocket remote
 * endpoint takes one writer at a time) from a small per-connection queue, asynchronously; nothing
 * else is serialised, so the charge point's CALLs and ours proceed independently.
 */
public final class ChargePointConnection {
    private static final Logger LOG = Logger.getLogger(ChargePointConnection.class.getName());

    private final String chargePointId;
    private final String sessionId = UUID.randomUUID().toString();
    private final Session session;
    private final OcppVersion version;
    private final OcppCodec codec;
    private final OutgoingCalls outgoing;
    private final Instant openedAt = Instant.now();
    private volatile Instant lastPong = openedAt;
    /** When the charge point last sent a frame (null: never since the socket opened). */
    private volatile Instant lastHeard;
    private final IncomingCalls incoming;
    private final ScheduledExecutorService scheduler;

    public ChargePointConnection(String chargePointId, Session session, OcppVersion version, OcppCodec codec,
                             ScheduledExecutorService scheduler, Duration callTimeout) {
        this(chargePointId, session, version, codec, false, scheduler, callTimeout);
    }

    /**
     * @param relaxed whether this charge point's payloads are read relaxed ({@link OcppCodec#relaxed}): what it
     *                gets wrong is tolerated and logged once per session ({@link #tolerated})
     */
    public ChargePointConnection(String chargePointId, Session session, OcppVersion version, OcppCodec codec,
                             boolean relaxed, ScheduledExecutorService scheduler, Duration callTimeout) {
        this.chargePointId = chargePointId;
        this.session = session;
        this.version = version;
        this.codec = relaxed ? codec.relaxed(this::tolerated) : codec;
        this.scheduler = scheduler;
        this.outgoing = new OutgoingCalls(chargePointId, codec, this::send, scheduler, callTimeout);
        int rate = org.opencsms.gateway.platform.GatewaySettings.chargePointRate();
        this.incoming = new IncomingCalls(org.opencsms.gateway.platform.GatewaySettings.chargePointCallsWaiting(),
                rate, 2.0 * rate, scheduler);
    }

    /** Distinct deviations logged per session; a charge point cannot make this set (or the log) grow beyond it. */
    static final int MAX_LOGGED_DEVIATIONS = 50;
    private final java.util.Set<String> loggedDeviations = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A departure from the schema that the relaxed codec accepted: one WARNING per kind and place of
     * deviation per session (a charger repeats its mistakes in every message), at most
     * {@value #MAX_LOGGED_DEVIATIONS} of them.
     */
    private void tolerated(Deviation deviation) {
        if (loggedDeviations.size() >= MAX_LOGGED_DEVIATIONS || !loggedDeviations.add(deviation.key())) {
            return;
        }
        boolean last = loggedDeviations.size() == MAX_LOGGED_DEVIATIONS;
        LOG.warning(() -> "Charge point " + chargePointId + " (validation relaxed) sent " + deviation
                + ": tolerated; logged once per session" + (last ? " (no more deviations logged in this session)" : ""));
    }

    /** The deviations logged in this session so far (their {@link Deviation#key() keys}). */
    public java.util.Set<String> loggedDeviations() {
        return java.util.Collections.unmodifiableSet(loggedDeviations);
    }

    /** Frames waiting behind the one being written; a peer that lets more pile up is not reading. */
    static final int MAX_QUEUED_FRAMES = 100;

    private final java.util.ArrayDeque<String> outbox = new java.util.ArrayDeque<>();
    private boolean writing;
    private long writeStarted;
    private volatile boolean closing;

    /**
     * Queues one text frame and returns at once: frames go out one after the other, asynchronously, so
     * that no thread (a CMS reply, a timer, another charge point's) ever waits for this charge point's socket. A
     * failed write, or more than {@value #MAX_QUEUED_FRAMES} frames waiting, closes the socket (the
     * charge point will reconnect); a write that does not complete in time is found by {@link #keepAlive}.
     */
    public void send(String text) {
        boolean overflow = false;
        synchronized (this) {
            if (closing) {
                return;
            }
            if (writing) {
                if (outbox.size() < MAX_QUEUED_FRAMES) {
                    outbox.addLast(text);
                    return;
                }
                overflow = true;
            } else {
                writing = true;
                writeStarted = System.nanoTime();
            }
        }
        if (overflow) {
            LOG.warning(() -> chargePointId + " does not read its frames (" + MAX_QUEUED_FRAMES + " waiting): closing");
            close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "not reading");
            return;
        }
        write(text);
    }

    private void write(String text) {
        try {
            session.getAsyncRemote().sendText(text, result -> {
                if (!result.isOK()) {
                    writeFailed(text, result.getException());
                    return;
                }
                synchronized (this) {
                    busyRetries = 0;
                }
                writeNext();
            });
        } catch (RuntimeException e) {
            writeFailed(text, e);
        }
    }

    /** Attempts to write one frame while the container still reported its previous write in progress. */
    private int busyRetries; // guarded by this
    static final int MAX_BUSY_RETRIES = 50;

    /**
     * Liberty runs a write's completion handler before it marks the write finished, so a frame sent
     * right after (from the handler or another thread) can be refused with "write not allowed ...
     * another Write or Close is in progress": that frame is written again a moment later. Any other
     * failure, or a remote endpoint that stays busy, closes the socket (the charge point will reconnect).
     */
    private void writeFailed(String text, Throwable failure) {
        if (busy(failure) && session.isOpen()) {
            int attempt;
            synchronized (this) {
                attempt = closing ? Integer.MAX_VALUE : ++busyRetries;
            }
            if (attempt <= MAX_BUSY_RETRIES) {
                try {
                    scheduler.schedule(() -> write(text), Math.min(attempt, 10), java.util.concurrent.TimeUnit.MILLISECONDS);
                    return;
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    // fall through: close
                }
            }
        }
        LOG.log(Level.INFO, "Write to " + chargePointId + " failed, closing", failure);
        close(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "write failed");
    }

    /** The remote endpoint refused a write because another one is still in progress. */
    static boolean busy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("write not allowed") || m.contains("TEXT_FULL_WRITING")
                    || m.contains("TEXT_PARTIAL_WRITING"))) {
                return true;
            }
        }
        return false;
    }

    private void writeNext() {
        String next;
        synchronized (this) {
            next = closing ? null : outbox.pollFirst();
            if (next == null) {
                writing = false;
                return;
            }
            writeStarted = System.nanoTime();
        }
        write(next);
    }

    /** Whether a write has been waiting for the peer longer than {@code limit}. */
    synchronized boolean writeStalled(Duration limit) {
        return writing && System.nanoTime() - writeStarted > limit.toNanos();
    }

    /**
     * Closes a socket whose peer stopped reading (a write pending too long), or that has given no sign of
     * life (a pong or a frame) for {@code deadAfter}; otherwise sends a ping, unless a write is pending (then
     * the socket is busy). A frame counts as much as a pong: a busy socket is not pinged, so a charge point
     * that talks all the time may never get a ping to answer.
     */
    public void keepAlive(Instant now, Duration deadAfter) {
        if (writeStalled(deadAfter)) {
            LOG.info(() -> chargePointId + " read nothing of our frames for " + deadAfter.toSeconds() + " s: closing");
            close(CloseReason.CloseCodes.GOING_AWAY, "not reading");
            return;
        }
        Instant heard = lastHeard;
        Instant alive = heard != null && heard.isAfter(lastPong) ? heard : lastPong;
        if (alive.plus(deadAfter).isBefore(now)) {
            LOG.info(() -> chargePointId + " answered no ping for " + deadAfter.toSeconds() + " s: closing");
            close(CloseReason.CloseCodes.GOING_AWAY, "no pong");
            return;
        }
        synchronized (this) {
            if (writing || closing) {
                return;
            }
        }
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {'p'}));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Ping to " + chargePointId + " failed", e);
        }
    }

    public void pong() {
        lastPong = Instant.now();
    }

    /** The charge point sent a frame. */
    public void heard() {
        lastHeard = Instant.now();
    }

    /** Whether the charge point has been silent for too long: since it connected, or since its last frame. */
    public boolean silent(Instant now, Duration firstFrameLimit, Duration silenceLimit) {
        Instant heard = lastHeard;
        return heard == null ? openedAt.plus(firstFrameLimit).isBefore(now) : heard.plus(silenceLimit).isBefore(now);
    }

    public IncomingCalls incoming() {
        return incoming;
    }

    public void close(CloseReason.CloseCode code, String reason) {
        synchronized (this) {
            closing = true;
            outbox.clear();
        }
        incoming.close();
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason));
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Close of " + chargePointId + " failed", e);
        }
    }

    public String chargePointId() { return chargePointId; }
    public String sessionId() { return sessionId; }
    public OcppVersion version() { return version; }
    public OcppCodec codec() { return codec; }
    public OutgoingCalls outgoing() { return outgoing; }
    public Instant openedAt() { return openedAt; }
}
