package org.opencsms.gateway.ocpp;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events.SessionClosed;
import org.opencsms.api.messaging.Events.SessionOpened;
import org.opencsms.ocpp.Call;
import org.opencsms.ocpp.CallError;
import org.opencsms.ocpp.CallResult;
import org.opencsms.ocpp.Frame;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.RpcError;
import org.opencsms.api.text.LogText;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.platform.GatewayMetrics;
import org.opencsms.gateway.platform.GatewaySettings;
import org.opencsms.gateway.session.ChargePointConnection;
import org.opencsms.gateway.session.IncomingCalls;
import org.opencsms.gateway.session.SessionRegistry;

/**
 * The charge points' WebSocket endpoint. Every OCPP version is served here; the subprotocol picks the
 * version. A frame that cannot be parsed or validated is answered with a CALLERROR and the session
 * lives on; nothing a charge point sends closes it.
 */
@Dependent
@ServerEndpoint(value = "/ocpp/{chargePointId}", subprotocols = {"ocpp1.6"}, configurator = OcppConfigurator.class)
public class OcppEndpoint {
    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class.getName());
    /** Connects and disconnects, one line each up to 20 per second (see {@link LogBudget}). */
    public static final org.opencsms.gateway.platform.LogBudget CONNECTIONS_LOG = new org.opencsms.gateway.platform.LogBudget(
            LOG, java.util.logging.Level.INFO, "connects and disconnects of charge points", 20, 40);
    private static final String CONNECTION = ChargePointConnection.class.getName();
    private static final int MAX_FRAME = 1024 * 1024;

    @Inject
    SessionRegistry registry;
    @Inject
    CmsClient cms;
    @Inject
    VersionHandlers handlers;
    @Inject
    org.opencsms.gateway.platform.Timers timers;
    @Inject
    GatewayMetrics metrics;
    @Inject
    RelaxedHandshakes relaxedHandshakes;

    @OnOpen
    public void open(Session session) {
        ChargePointPath.Identity identity = ChargePointPath.read(session.getRequestURI().getRawPath()
                .substring(session.getRequestURI().getRawPath().indexOf(ChargePointPath.PREFIX)));
        String subprotocol = session.getNegotiatedSubprotocol();
        OcppVersion version = OcppVersion.fromSubprotocol(subprotocol).orElse(null);
        if (!identity.valid() || version == null) {
            LOG.warning(() -> "Closing charge point connection " + ChargePointPath.forLog(identity.id())
                    + ": no supported OCPP subprotocol offered (we serve "
                    + Arrays.toString(OcppVersion.values()) + ")");
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, "no supported OCPP subprotocol");
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_FRAME);
        session.setMaxIdleTimeout(0);
        boolean relaxed = relaxedHandshakes.opened(identity.id());
        ChargePointConnection connection = new ChargePointConnection(identity.id(), session, version,
                version.codec(), relaxed, timers.scheduler(), GatewaySettings.callTimeout());
        session.getUserProperties().put(CONNECTION, connection);
        registry.register(connection);
        CONNECTIONS_LOG.log(() -> "Charge point " + connection.chargePointId() + " connected (" + subprotocol
                + (relaxed ? ", validation relaxed" : "") + ")");
        cms.publishAsync(connection.chargePointId(), new SessionOpened(
                connection.chargePointId(), cms.nodeId(), connection.sessionId(), subprotocol, connection.openedAt()))
                .whenComplete((published, e) -> {
                    if (e != null) {
                        // unrecorded, the charge point could not be reached by commands: let it come back when the broker is
                        LOG.log(Level.WARNING, "Could not record the connection of " + connection.chargePointId()
                                + "; closing it so that the charge point reconnects", e);
                        close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "central system busy, reconnect");
                    }
                });
    }

    @OnMessage
    public void message(Session session, String text) {
        ChargePointConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.heard();
        OcppCodec codec = connection.codec();
        Frame frame;
        try {
            frame = codec.parse(text);
        } catch (OcppException e) {
            LOG.info(() -> "Bad frame from " + connection.chargePointId() + ": " + LogText.escape(e.description())
                    + " in " + ChargePointPath.forLog(text));
            connection.send(codec.callError(e));
            return;
        }
        if (frame instanceof Call call) {
            if (connection.incoming().offer(() -> answer(connection, call)) == IncomingCalls.Admission.TOO_MANY) {
                refuse(connection, call, "more than " + GatewaySettings.chargePointCallsWaiting()
                        + " CALLs waiting for their answers; OCPP-J allows one CALL at a time");
            }
        } else if (frame instanceof CallResult result) {
            connection.outgoing().onResult(result);
        } else if (frame instanceof CallError error) {
            connection.outgoing().onError(error);
        }
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        ChargePointConnection connection = connection(session);
        if (connection != null) {
            connection.pong();
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        ChargePointConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.outgoing().close();
        connection.incoming().close();
        boolean current = registry.unregister(connection);
        CONNECTIONS_LOG.log(() -> "Charge point " + connection.chargePointId() + " disconnected (" + reason.getCloseCode().getCode()
                + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase())
                + (current ? "" : ", already replaced") + ")");
        cms.publishAsync(connection.chargePointId(), new SessionClosed(
                connection.chargePointId(), cms.nodeId(), connection.sessionId(), Instant.now()))
                .whenComplete((published, e) -> {
                    if (e != null) {
                        LOG.log(Level.WARNING, "Could not record the disconnection of " + connection.chargePointId(), e);
                    }
                });
    }

    @OnError
    public void error(Session session, Throwable error) {
        ChargePointConnection connection = connection(session);
        LOG.log(Level.FINE, "WebSocket error on " + (connection == null ? "?" : connection.chargePointId()), error);
    }

    /** Answers a charge point's CALL; when it is answered, the charge point's next waiting CALL gets its turn. */
    private void answer(ChargePointConnection connection, Call call) {
        OcppCodec codec = connection.codec();
        long received = System.nanoTime();
        String action = codec.registry().knows(call.action()) ? call.action() : GatewayMetrics.UNKNOWN_ACTION;
        try {
            handlers.get(connection.version()).handle(connection, call.action(), call.payload())
                    .whenComplete((response, failure) -> {
                        try {
                            if (failure == null) {
                                connection.send(codec.callResult(call.messageId(), response));
                                metrics.callAnswered(action, "result", System.nanoTime() - received);
                            } else {
                                Failure f = failed(connection, call, codec, failure);
                                connection.send(f.frame());
                                metrics.callAnswered(action, f.code(), System.nanoTime() - received);
                            }
                        } finally {
                            connection.incoming().answered();
                        }
                    });
        } catch (OcppException e) {
            LOG.info(() -> "Refused " + ChargePointPath.forLog(call.action()) + " from " + connection.chargePointId()
                    + ": " + LogText.escape(e.description()));
            connection.send(codec.callError(e.withMessageId(call.messageId())));
            metrics.callAnswered(action, codec.registry().errorCode(e.error()), System.nanoTime() - received);
            connection.incoming().answered();
        } catch (RuntimeException e) {
            Failure f = failed(connection, call, codec, e);
            connection.send(f.frame());
            metrics.callAnswered(action, f.code(), System.nanoTime() - received);
            connection.incoming().answered();
        }
    }

    /** A CALL over the charge point's allowance: a CALLERROR at once, no work. */
    private void refuse(ChargePointConnection connection, Call call, String why) {
        OcppCodec codec = connection.codec();
        connection.send(codec.callError(call.messageId(), RpcError.GENERIC, why));
        String action = codec.registry().knows(call.action()) ? call.action() : GatewayMetrics.UNKNOWN_ACTION;
        metrics.callAnswered(action, codec.registry().errorCode(RpcError.GENERIC), 0);
    }

    private record Failure(String frame, String code) {
    }

    private static Failure failed(ChargePointConnection connection, Call call, OcppCodec codec, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OcppException e) {
            return new Failure(codec.callError(e.withMessageId(call.messageId())), codec.registry().errorCode(e.error()));
        }
        String description = cause instanceof TimeoutException
                ? "the central system did not answer in time" : "the central system could not process " + call.action();
        if (cause instanceof TimeoutException) {
            // one line: under overload a stack trace per call would make the logging the bottleneck
            LOG.warning(() -> call.action() + " from " + connection.chargePointId() + " failed: " + cause.getMessage());
        } else {
            LOG.log(Level.WARNING, call.action() + " from " + connection.chargePointId() + " failed", cause);
        }
        return new Failure(codec.callError(call.messageId(), RpcError.INTERNAL, description),
                codec.registry().errorCode(RpcError.INTERNAL));
    }

    private static ChargePointConnection connection(Session session) {
        return (ChargePointConnection) session.getUserProperties().get(CONNECTION);
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
