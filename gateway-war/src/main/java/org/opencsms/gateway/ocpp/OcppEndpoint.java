package org.opencsms.gateway.ocpp;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
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
import org.opencsms.api.ocpp.Call;
import org.opencsms.api.ocpp.CallError;
import org.opencsms.api.ocpp.CallResult;
import org.opencsms.api.ocpp.Frame;
import org.opencsms.api.ocpp.OcppCodec;
import org.opencsms.api.ocpp.OcppException;
import org.opencsms.api.ocpp.OcppVersion;
import org.opencsms.api.ocpp.RpcError;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.platform.GatewaySettings;
import org.opencsms.gateway.session.ChargerConnection;
import org.opencsms.gateway.session.SessionRegistry;

/**
 * The chargers' WebSocket endpoint. Every OCPP version is served here; the subprotocol picks the
 * version. A frame that cannot be parsed or validated is answered with a CALLERROR and the session
 * lives on; nothing a charger sends closes it.
 */
@Dependent
@ServerEndpoint(value = "/ocpp/{chargePointId}", subprotocols = {"ocpp1.6"}, configurator = OcppConfigurator.class)
public class OcppEndpoint {
    private static final Logger LOG = Logger.getLogger(OcppEndpoint.class.getName());
    private static final String CONNECTION = ChargerConnection.class.getName();
    private static final int MAX_FRAME = 1024 * 1024;

    @Inject
    SessionRegistry registry;
    @Inject
    CmsClient cms;
    @Inject
    VersionHandlers handlers;
    @Resource
    ManagedScheduledExecutorService scheduler;

    @OnOpen
    public void open(Session session) {
        ChargePointPath.Identity identity = ChargePointPath.read(session.getRequestURI().getRawPath()
                .substring(session.getRequestURI().getRawPath().indexOf(ChargePointPath.PREFIX)));
        String subprotocol = session.getNegotiatedSubprotocol();
        OcppVersion version = OcppVersion.fromSubprotocol(subprotocol).orElse(null);
        if (!identity.valid() || version == null) {
            LOG.warning(() -> "Closing charger connection " + ChargePointPath.forLog(identity.id())
                    + ": no supported OCPP subprotocol offered (we serve "
                    + Arrays.toString(OcppVersion.values()) + ")");
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, "no supported OCPP subprotocol");
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_FRAME);
        session.setMaxIdleTimeout(0);
        ChargerConnection connection = new ChargerConnection(identity.id(), session, version,
                version.codec(), scheduler, GatewaySettings.callTimeout());
        session.getUserProperties().put(CONNECTION, connection);
        registry.register(connection);
        try {
            cms.publish(Contract.SESSION_OPENED, connection.chargePointId(), new SessionOpened(
                    connection.chargePointId(), cms.nodeId(), connection.sessionId(), subprotocol, connection.openedAt()));
        } catch (RuntimeException e) {
            // unrecorded, the charger could not be reached by commands: let it come back when the broker is
            LOG.log(Level.WARNING, "Could not record the connection of " + connection.chargePointId()
                    + "; closing it so that the charger reconnects", e);
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "central system busy, reconnect");
            return;
        }
        LOG.info(() -> "Charger " + connection.chargePointId() + " connected (" + subprotocol + ")");
    }

    @OnMessage
    public void message(Session session, String text) {
        ChargerConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        OcppCodec codec = connection.codec();
        Frame frame;
        try {
            frame = codec.parse(text);
        } catch (OcppException e) {
            LOG.info(() -> "Bad frame from " + connection.chargePointId() + ": " + e.description() + " in "
                    + ChargePointPath.forLog(text));
            connection.send(codec.callError(e));
            return;
        }
        if (frame instanceof Call call) {
            answer(connection, call);
        } else if (frame instanceof CallResult result) {
            connection.outgoing().onResult(result);
        } else if (frame instanceof CallError error) {
            connection.outgoing().onError(error);
        }
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        ChargerConnection connection = connection(session);
        if (connection != null) {
            connection.pong();
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        ChargerConnection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.outgoing().close();
        boolean current = registry.unregister(connection);
        LOG.info(() -> "Charger " + connection.chargePointId() + " disconnected (" + reason.getCloseCode().getCode()
                + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase())
                + (current ? "" : ", already replaced") + ")");
        try {
            cms.publish(Contract.SESSION_CLOSED, connection.chargePointId(), new SessionClosed(
                    connection.chargePointId(), cms.nodeId(), connection.sessionId(), Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the disconnection of " + connection.chargePointId(), e);
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        ChargerConnection connection = connection(session);
        LOG.log(Level.FINE, "WebSocket error on " + (connection == null ? "?" : connection.chargePointId()), error);
    }

    private void answer(ChargerConnection connection, Call call) {
        OcppCodec codec = connection.codec();
        try {
            handlers.get(connection.version()).handle(connection, call.action(), call.payload())
                    .whenComplete((response, failure) -> {
                        if (failure == null) {
                            connection.send(codec.callResult(call.messageId(), response));
                        } else {
                            connection.send(failed(connection, call, codec, failure));
                        }
                    });
        } catch (OcppException e) {
            LOG.info(() -> "Refused " + call.action() + " from " + connection.chargePointId() + ": " + e.description());
            connection.send(codec.callError(e.withMessageId(call.messageId())));
        } catch (RuntimeException e) {
            connection.send(failed(connection, call, codec, e));
        }
    }

    private static String failed(ChargerConnection connection, Call call, OcppCodec codec, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof OcppException e) {
            return codec.callError(e.withMessageId(call.messageId()));
        }
        String description = cause instanceof TimeoutException
                ? "the central system did not answer in time" : "the central system could not process " + call.action();
        LOG.log(Level.WARNING, call.action() + " from " + connection.chargePointId() + " failed", cause);
        return codec.callError(call.messageId(), RpcError.INTERNAL, description);
    }

    private static ChargerConnection connection(Session session) {
        return (ChargerConnection) session.getUserProperties().get(CONNECTION);
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
