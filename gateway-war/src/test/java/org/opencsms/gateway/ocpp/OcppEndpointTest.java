package org.opencsms.gateway.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.v16.HeartbeatResponse;
import org.opencsms.gateway.cms.Backlogs;
import org.opencsms.gateway.cms.CmsCallFailed;
import org.opencsms.gateway.cms.RecordingCmsClient;
import org.opencsms.gateway.cms.RecordingCmsClient.SentEvent;
import org.opencsms.gateway.ocpp.v16.V16Handlers;
import org.opencsms.gateway.platform.GatewayMetrics;
import org.opencsms.gateway.platform.GatewaySettings;
import org.opencsms.gateway.platform.Timers;
import org.opencsms.gateway.session.CallErrorException;
import org.opencsms.gateway.session.ChargePointConnection;
import org.opencsms.gateway.session.ConnectionClosedException;
import org.opencsms.gateway.session.SessionRegistry;
import org.opencsms.gateway.session.TestSocket;

/**
 * The chargers' endpoint, frame in, frame out: every CALL gets exactly one CALLRESULT or CALLERROR
 * with its message id, with the OCPP-J 1.6 error code for what went wrong, and nothing a charger
 * sends closes its socket.
 */
class OcppEndpointTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
    private final RecordingCmsClient cms = new RecordingCmsClient();
    private final SessionRegistry registry = new SessionRegistry();
    private final List<String> answered = new CopyOnWriteArrayList<>();
    private final OcppEndpoint endpoint = new OcppEndpoint();
    private VersionHandler handler = V16Handlers.of(cms, Backlogs.unknown());
    private final TestSocket socket = new TestSocket();

    @BeforeEach
    void setUp() {
        endpoint.registry = registry;
        endpoint.cms = cms;
        endpoint.timers = Timers.of(executor);
        endpoint.relaxedHandshakes = new RelaxedHandshakes();
        endpoint.handlers = new VersionHandlers() {
            @Override
            public VersionHandler get(OcppVersion version) {
                return handler;
            }
        };
        endpoint.metrics = new GatewayMetrics() {
            @Override
            public void callAnswered(String action, String outcome, long nanos) {
                answered.add(action + " " + outcome);
            }
        };
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
    }

    /** Opens the socket, its opening recorded by the broker. */
    private ChargePointConnection open(TestSocket s) {
        int before = cms.events.size();
        endpoint.open(s.session);
        cms.events.get(before).confirm();
        return registry.find("CP-1").orElseThrow();
    }

    private void receive(String frame) {
        endpoint.message(socket.session, frame);
    }

    /** [4, id, code, ...] of the last frame sent, checking it is a CALLERROR. */
    private JsonArray lastCallError() {
        JsonArray frame = socket.lastFrame();
        assertEquals(4, frame.getInt(0), frame::toString);
        assertEquals(5, frame.size());
        return frame;
    }

    // ---- opening and closing --------------------------------------------------------------------------

    @Test
    void anOpenedSocketIsRegisteredAndRecorded() {
        endpoint.open(socket.session);
        ChargePointConnection connection = registry.find("CP-1").orElseThrow();
        assertEquals(OcppVersion.OCPP16, connection.version());
        SentEvent opened = cms.onlyEvent();
        assertEquals(Contract.eventType(org.opencsms.api.messaging.Events.SessionOpened.class), opened.type());
        assertEquals(new Events.SessionOpened("CP-1", RecordingCmsClient.NODE, connection.sessionId(), "ocpp1.6",
                connection.openedAt()), opened.body());
        opened.confirm();
        assertTrue(socket.isOpen());
    }

    @Test
    void aSocketWithoutASupportedSubprotocolIsClosedAsAProtocolError() {
        for (String subprotocol : new String[] {null, "ocpp2.0.1"}) {
            TestSocket other = new TestSocket("/ocpp/CP-1", subprotocol);
            endpoint.open(other.session);
            assertEquals(CloseReason.CloseCodes.PROTOCOL_ERROR, other.closeReason().getCloseCode());
            endpoint.message(other.session, "[2,\"x\",\"Heartbeat\",{}]");
            assertTrue(other.frames.isEmpty());
        }
        assertEquals(0, registry.count());
        assertTrue(cms.events.isEmpty() && cms.calls.isEmpty());
    }

    @Test
    void aSessionThatCannotBeRecordedIsClosedSoThatTheChargerComesBack() {
        endpoint.open(socket.session);
        cms.onlyEvent().fail(new IllegalStateException("broker down"));
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, socket.closeReason().getCloseCode());
    }

    @Test
    void closingFailsOurPendingCallsAndRecordsTheClose() throws Exception {
        ChargePointConnection connection = open(socket);
        CompletableFuture<JsonObject> pending = connection.outgoing().send("ClearCache", JsonObject.EMPTY_JSON_OBJECT);
        endpoint.close(socket.session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, ""));
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionClosedException.class, e.getCause());
        assertEquals(0, registry.count());
        SentEvent closed = cms.events.get(cms.events.size() - 1);
        assertEquals(Contract.eventType(org.opencsms.api.messaging.Events.SessionClosed.class), closed.type());
        Events.SessionClosed body = assertInstanceOf(Events.SessionClosed.class, closed.body());
        assertEquals(connection.sessionId(), body.sessionId());
        assertEquals(RecordingCmsClient.NODE, body.nodeId());
    }

    @Test
    void theCloseOfAReplacedSocketLeavesTheNewSessionInPlace() {
        ChargePointConnection first = open(socket);
        TestSocket again = new TestSocket();
        ChargePointConnection second = open(again);
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, socket.closeReason().getCloseCode(), "replaced");
        endpoint.close(socket.session, socket.closeReason());
        assertSame(second, registry.find("CP-1").orElseThrow());
        Events.SessionClosed closed = (Events.SessionClosed) cms.events.get(cms.events.size() - 1).body();
        assertEquals(first.sessionId(), closed.sessionId(), "the record of the old session only");
        assertTrue(again.isOpen());
    }

    // ---- the charger's CALLs ----------------------------------------------------------------------------

    @Test
    void aCallIsAnsweredWithItsMessageIdOnceTheCmsAnswers() {
        open(socket);
        receive("[2,\"hb-1\",\"Heartbeat\",{}]");
        assertTrue(socket.frames.isEmpty());
        cms.onlyCall().reply(new Calls.HeartbeatReply(T));
        assertEquals(List.of("[3,\"hb-1\",{\"currentTime\":\"2024-05-01T10:00:00Z\"}]"), socket.frames);
        assertEquals(List.of("Heartbeat result"), answered);
    }

    @Test
    void aFrameThatIsNotJsonIsAFormationViolationAndTheSocketLivesOn() {
        open(socket);
        receive("hello");
        assertEquals("FormationViolation", lastCallError().getString(2));
        receive("[2,\"abc\",\"Heartbeat\",{]");
        assertEquals("abc", lastCallError().getString(1), "the id is read where it can be");
        assertEquals("FormationViolation", lastCallError().getString(2));
        assertTrue(socket.isOpen());
        assertTrue(cms.calls.isEmpty());
    }

    @Test
    void anUnknownActionIsNotImplementedAndDoesNotBlockTheNextCall() {
        open(socket);
        receive("[2,\"u-1\",\"FlyToTheMoon\",{}]");
        JsonArray error = lastCallError();
        assertEquals("u-1", error.getString(1));
        assertEquals("NotImplemented", error.getString(2));
        assertEquals(List.of(GatewayMetrics.UNKNOWN_ACTION + " NotImplemented"), answered,
                "a charger's action name never becomes a metric tag");
        receive("[2,\"hb-2\",\"Heartbeat\",{}]");
        assertEquals(new Calls.Heartbeat("CP-1"), cms.onlyCall().body());
    }

    @Test
    void aPayloadOfTheWrongTypeIsATypeConstraintViolation() {
        open(socket);
        receive("[2,\"a-1\",\"Authorize\",{\"idTag\":12}]");
        JsonArray error = lastCallError();
        assertEquals("a-1", error.getString(1));
        assertEquals("TypeConstraintViolation", error.getString(2));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, error.getJsonObject(4));
        assertEquals(List.of("Authorize TypeConstraintViolation"), answered);
    }

    @Test
    void aCmsThatDoesNotAnswerInTimeIsAnInternalError() {
        open(socket);
        receive("[2,\"hb-1\",\"Heartbeat\",{}]");
        cms.onlyCall().fail(new TimeoutException("no answer to Heartbeat within 25 s"));
        JsonArray error = lastCallError();
        assertEquals("hb-1", error.getString(1));
        assertEquals("InternalError", error.getString(2));
        assertEquals("the central system did not answer in time", error.getString(3));
        assertEquals(List.of("Heartbeat InternalError"), answered);
    }

    @Test
    void aCmsErrorIsAnInternalErrorThatDoesNotLeakItsText() {
        open(socket);
        receive("[2,\"st-1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,"
                + "\"timestamp\":\"2024-05-01T10:00:00Z\"}]");
        cms.onlyCall().fail(new CmsCallFailed("duplicate key in TRANSACTIONS"));
        JsonArray error = lastCallError();
        assertEquals("InternalError", error.getString(2));
        assertFalse(error.getString(3).contains("TRANSACTIONS"), error.getString(3));
    }

    @Test
    void aHandlerThatBreaksIsAnInternalErrorAndTheNextCallIsStillAnswered() {
        boolean[] broken = {true};
        handler = new VersionHandler() {
            @Override
            public OcppVersion version() {
                return OcppVersion.OCPP16;
            }

            @Override
            public CompletionStage<Object> handle(ChargePointConnection connection, String action, JsonObject payload)
                    throws OcppException {
                if (broken[0]) {
                    broken[0] = false;
                    throw new IllegalStateException("bug");
                }
                return CompletableFuture.completedFuture(new HeartbeatResponse(T));
            }
        };
        open(socket);
        receive("[2,\"hb-1\",\"Heartbeat\",{}]");
        assertEquals("InternalError", lastCallError().getString(2));
        receive("[2,\"hb-2\",\"Heartbeat\",{}]");
        assertEquals(2, socket.frames.size(), "the next CALL is answered, not left waiting");
        assertEquals("[3,\"hb-2\",{\"currentTime\":\"2024-05-01T10:00:00Z\"}]", socket.frames.get(1));
    }

    @Test
    void callsBeyondThoseAllowedToWaitAreRefusedAtOnceTheOthersAnsweredInOrder() {
        open(socket);
        int waiting = GatewaySettings.chargePointCallsWaiting();
        for (int i = 1; i <= waiting + 2; i++) {
            receive("[2,\"c" + i + "\",\"Heartbeat\",{}]");
        }
        assertEquals(1, cms.calls.size(), "one CALL answered at a time");
        assertEquals(1, socket.frames.size(), "only the excess is answered at once");
        JsonArray refused = lastCallError();
        assertEquals("c" + (waiting + 2), refused.getString(1));
        assertEquals("GenericError", refused.getString(2));

        cms.calls.get(0).reply(new Calls.HeartbeatReply(T));
        assertEquals("c1", socket.lastFrame().getString(1));
        assertEquals(3, socket.lastFrame().getInt(0));
        assertEquals(2, cms.calls.size(), "the next waiting CALL's turn");
        for (int i = 1; i <= waiting; i++) {
            cms.calls.get(i).reply(new Calls.HeartbeatReply(T));
        }
        assertEquals(waiting + 2, socket.frames.size(), "every CALL answered once");
        assertEquals("c" + (waiting + 1), socket.lastFrame().getString(1));
    }

    // ---- answers to our CALLs -------------------------------------------------------------------------

    @Test
    void theChargersAnswersReachOurCallsWaitingForThem() throws Exception {
        ChargePointConnection connection = open(socket);
        CompletableFuture<JsonObject> clear = connection.outgoing().send("ClearCache", JsonObject.EMPTY_JSON_OBJECT);
        receive("[3,\"" + socket.lastFrame().getString(1) + "\",{\"status\":\"Accepted\"}]");
        assertEquals("Accepted", clear.get(5, TimeUnit.SECONDS).getString("status"));

        CompletableFuture<JsonObject> reset = connection.outgoing().send("Reset", json("{\"type\":\"Soft\"}"));
        receive("[4,\"" + socket.lastFrame().getString(1) + "\",\"NotSupported\",\"no\",{}]");
        ExecutionException e = assertThrows(ExecutionException.class, () -> reset.get(5, TimeUnit.SECONDS));
        assertEquals("NotSupported", assertInstanceOf(CallErrorException.class, e.getCause()).errorCode());
        assertTrue(answered.isEmpty(), "answers to our CALLs are not the charger's CALLs");
    }

    @Test
    void everyFrameCountsAsHearingFromTheCharger() {
        ChargePointConnection connection = open(socket);
        Instant later = Instant.now().plusSeconds(120);
        assertTrue(connection.silent(later, java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(600)));
        receive("not even JSON");
        assertFalse(connection.silent(later, java.time.Duration.ofSeconds(60), java.time.Duration.ofSeconds(600)));
        assertNull(socket.closeReason());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
