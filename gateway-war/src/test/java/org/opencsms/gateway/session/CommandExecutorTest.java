package org.opencsms.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.CommandResult.Outcome;
import org.opencsms.ocpp.CallError;
import org.opencsms.ocpp.CallResult;

/** A command to a charger on this node: sent as a CALL, and every way it can end reported as a CommandResult. */
class CommandExecutorTest {
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final SessionRegistry registry = new SessionRegistry();
    private final CommandExecutor executor = new CommandExecutor();
    private final TestSocket socket = new TestSocket();
    private ChargePointConnection connection;

    @BeforeEach
    void setUp() {
        executor.registry = registry;
        connection = connect(socket, Duration.ofSeconds(30));
    }

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    private ChargePointConnection connect(TestSocket to, Duration callTimeout) {
        ChargePointConnection c = to.connect("CP-1", timers, callTimeout);
        registry.register(c);
        return c;
    }

    private CompletableFuture<CommandResult> execute(String action, String payload) {
        return executor.execute("CP-1", action, json(payload));
    }

    private static CommandResult result(CompletableFuture<CommandResult> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    /** The id of the CALL the charger got. */
    private String sentId() {
        return socket.lastFrame().getString(1);
    }

    @Test
    void theCommandGoesToTheChargerAsACall() {
        execute("Reset", "{\"type\":\"Hard\"}");
        assertEquals(1, socket.frames.size());
        JsonArray call = socket.lastFrame();
        assertEquals(2, call.getInt(0), "a CALL");
        assertEquals("Reset", call.getString(2));
        assertEquals(json("{\"type\":\"Hard\"}"), call.getJsonObject(3));
    }

    @Test
    void aCallResultIsTheCommandsResult() throws Exception {
        CompletableFuture<CommandResult> f = execute("Reset", "{\"type\":\"Soft\"}");
        assertFalse(f.isDone(), "waits for the charger");
        connection.outgoing().onResult(new CallResult(sentId(), json("{\"status\":\"Accepted\"}")));
        CommandResult r = result(f);
        assertEquals(Outcome.RESULT, r.outcome());
        assertEquals(json("{\"status\":\"Accepted\"}"), json(r.payload()));
        assertNull(r.errorCode());
    }

    @Test
    void aCallErrorIsReportedWithTheChargersCodeDescriptionAndDetails() throws Exception {
        CompletableFuture<CommandResult> f = execute("UnlockConnector", "{\"connectorId\":1}");
        connection.outgoing().onError(new CallError(sentId(), "NotSupported", "no lock here", json("{\"model\":\"X\"}")));
        CommandResult r = result(f);
        assertEquals(Outcome.CALL_ERROR, r.outcome());
        assertEquals("NotSupported", r.errorCode());
        assertEquals("no lock here", r.errorDescription());
        assertEquals(json("{\"model\":\"X\"}"), json(r.errorDetails()));
        assertNull(r.payload());
    }

    @Test
    void anAnswerOutsideTheResponseSchemaIsAnInvalidResponseThatKeepsWhatTheChargerSent() throws Exception {
        // ResetResponse: status is required and one of Accepted, Rejected
        CompletableFuture<CommandResult> f = execute("Reset", "{\"type\":\"Soft\"}");
        connection.outgoing().onResult(new CallResult(sentId(), json("{\"status\":\"Maybe\"}")));
        CommandResult r = result(f);
        assertEquals(Outcome.INVALID_RESPONSE, r.outcome());
        assertEquals("PropertyConstraintViolation", r.errorCode());
        assertTrue(r.errorDescription().contains("Reset") && r.errorDescription().contains("status"),
                r.errorDescription());
        assertEquals(json("{\"status\":\"Maybe\"}"), json(r.payload()));

        CompletableFuture<CommandResult> missing = execute("Reset", "{\"type\":\"Soft\"}");
        connection.outgoing().onResult(new CallResult(sentId(), JsonObject.EMPTY_JSON_OBJECT));
        assertEquals(Outcome.INVALID_RESPONSE, result(missing).outcome());
        assertEquals("OccurenceConstraintViolation", result(missing).errorCode());
    }

    @Test
    void aChargerThatDoesNotAnswerInTimeIsATimeout() throws Exception {
        TestSocket slow = new TestSocket();
        connect(slow, Duration.ofMillis(100));
        CommandResult r = result(execute("ClearCache", "{}"));
        assertEquals(1, slow.frames.size());
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertTrue(r.errorDescription().contains("ClearCache"), r.errorDescription());
    }

    @Test
    void aChargerThatIsNotConnectedHereGetsNothing() throws Exception {
        CommandResult r = result(executor.execute("CP-2", "ClearCache", JsonObject.EMPTY_JSON_OBJECT));
        assertEquals(Outcome.NOT_CONNECTED, r.outcome());
        assertTrue(r.errorDescription().contains("CP-2"));
        assertTrue(socket.frames.isEmpty());
    }

    @Test
    void aSocketThatClosesBeforeTheAnswerIsNotConnected() throws Exception {
        CompletableFuture<CommandResult> inFlight = execute("ClearCache", "{}");
        CompletableFuture<CommandResult> queued = execute("ClearCache", "{}");
        connection.outgoing().close();
        assertEquals(Outcome.NOT_CONNECTED, result(inFlight).outcome());
        assertEquals(Outcome.NOT_CONNECTED, result(queued).outcome());
        assertEquals(1, socket.frames.size(), "the queued command never reached the charger");
    }

    @Test
    void aCommandReplacedByANewConnectionIsNotConnected() throws Exception {
        CompletableFuture<CommandResult> f = execute("ClearCache", "{}");
        TestSocket again = new TestSocket();
        connect(again, Duration.ofSeconds(30)); // the charger reconnected: the old socket is closed
        assertEquals(Outcome.NOT_CONNECTED, result(f).outcome());
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, socket.closeReason().getCloseCode());
        assertTrue(again.isOpen());
        execute("ClearCache", "{}");
        assertEquals(1, again.frames.size(), "the next command goes to the new connection");
    }

    @Test
    void anActionTheCentralSystemDoesNotSendIsRefusedWithoutReachingTheCharger() throws Exception {
        // Heartbeat is an OCPP 1.6 action, but one a charge point sends
        CommandResult heartbeat = result(execute("Heartbeat", "{}"));
        assertEquals(Outcome.CALL_ERROR, heartbeat.outcome());
        assertEquals("NotSupported", heartbeat.errorCode());
        assertTrue(heartbeat.errorDescription().contains("ocpp1.6"), heartbeat.errorDescription());
        assertEquals(Outcome.CALL_ERROR, result(execute("FlyToTheMoon", "{}")).outcome());
        assertTrue(socket.frames.isEmpty());
    }

    @Test
    void commandsToOneChargerGoOneAtATime() throws Exception {
        CompletableFuture<CommandResult> first = execute("ClearCache", "{}");
        CompletableFuture<CommandResult> second = execute("Reset", "{\"type\":\"Soft\"}");
        assertEquals(1, socket.frames.size(), "the second waits for the first answer");
        connection.outgoing().onResult(new CallResult(sentId(), json("{\"status\":\"Rejected\"}")));
        assertEquals("Rejected", json(result(first).payload()).getString("status"));
        assertEquals(2, socket.frames.size());
        assertEquals("Reset", socket.lastFrame().getString(2));
        connection.outgoing().onResult(new CallResult(sentId(), json("{\"status\":\"Accepted\"}")));
        assertEquals("Accepted", json(result(second).payload()).getString("status"));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
