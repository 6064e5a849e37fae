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

import org.opencsms.api.ocpp.OcppCodec;
import org.opencsms.api.ocpp.OcppVersion;

/**
 * One charger's open WebSocket on this node. Frames are written under one lock (a WebSocket remote
 * endpoint takes one writer at a time); nothing else is serialised, so the charger's CALLs and ours
 * proceed independently.
 */
public final class ChargerConnection {
    private static final Logger LOG = Logger.getLogger(ChargerConnection.class.getName());

    private final String chargePointId;
    private final String sessionId = UUID.randomUUID().toString();
    private final Session session;
    private final OcppVersion version;
    private final OcppCodec codec;
    private final OutgoingCalls outgoing;
    private final Instant openedAt = Instant.now();
    private volatile Instant lastPong = openedAt;

    public ChargerConnection(String chargePointId, Session session, OcppVersion version, OcppCodec codec,
                             ScheduledExecutorService scheduler, Duration callTimeout) {
        this.chargePointId = chargePointId;
        this.session = session;
        this.version = version;
        this.codec = codec;
        this.outgoing = new OutgoingCalls(chargePointId, codec, this::send, scheduler, callTimeout);
    }

    /** Writes one text frame; a failed write closes the socket (the charger will reconnect). */
    public void send(String text) {
        synchronized (this) {
            try {
                session.getBasicRemote().sendText(text);
                return;
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.INFO, "Write to " + chargePointId + " failed, closing", e);
            }
        }
        close(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "write failed");
    }

    /** Sends a ping, or closes the socket when the last pong is older than {@code deadAfter}. */
    public void keepAlive(Instant now, Duration deadAfter) {
        if (lastPong.plus(deadAfter).isBefore(now)) {
            LOG.info(() -> chargePointId + " answered no ping for " + deadAfter.toSeconds() + " s: closing");
            close(CloseReason.CloseCodes.GOING_AWAY, "no pong");
            return;
        }
        synchronized (this) {
            try {
                session.getBasicRemote().sendPing(ByteBuffer.wrap(new byte[] {'p'}));
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.FINE, "Ping to " + chargePointId + " failed", e);
            }
        }
    }

    public void pong() {
        lastPong = Instant.now();
    }

    public void close(CloseReason.CloseCode code, String reason) {
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
