package org.opencsms.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencsms.ocpp.CallError;
import org.opencsms.ocpp.CallResult;
import org.opencsms.ocpp.OcppVersion;

/** The per-connection discipline of our CALLs: one in flight, queued, timed out, never mismatched. */
class OutgoingCallsTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<String> wire = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private OutgoingCalls calls(Duration timeout) {
        return new OutgoingCalls("CP-1", OcppVersion.OCPP16.codec(), wire::add, scheduler, timeout);
    }

    private JsonArray sent(int index) {
        return Json.createReader(new StringReader(wire.get(index))).readArray();
    }

    private static JsonObject payload(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void oneCallInFlightTheRestQueued() throws Exception {
        OutgoingCalls calls = calls(Duration.ofSeconds(30));
        CompletableFuture<JsonObject> first = calls.send("ClearCache", payload("{}"));
        CompletableFuture<JsonObject> second = calls.send("Reset", payload("{\"type\":\"Soft\"}"));
        assertEquals(1, wire.size(), "second call waits for the first");
        assertEquals("ClearCache", sent(0).getString(2));
        assertEquals(2, calls.pending());

        calls.onResult(new CallResult(sent(0).getString(1), payload("{\"status\":\"Accepted\"}")));
        assertEquals("Accepted", first.get(1, TimeUnit.SECONDS).getString("status"));
        assertEquals(2, wire.size(), "second call sent once the first was answered");
        assertEquals("Reset", sent(1).getString(2));
        assertFalse(second.isDone());

        calls.onError(new CallError(sent(1).getString(1), "NotSupported", "no", JsonObject.EMPTY_JSON_OBJECT));
        ExecutionException e = assertThrows(ExecutionException.class, () -> second.get(1, TimeUnit.SECONDS));
        CallErrorException error = assertInstanceOf(CallErrorException.class, e.getCause());
        assertEquals("NotSupported", error.errorCode());
        assertEquals(0, calls.pending());
    }

    @Test
    void timeoutFailsTheCallAndSendsTheNextLateResultIsIgnored() throws Exception {
        OutgoingCalls calls = calls(Duration.ofMillis(200));
        CompletableFuture<JsonObject> first = calls.send("ClearCache", payload("{}"));
        CompletableFuture<JsonObject> second = calls.send("ClearCache", payload("{}"));
        String firstId = sent(0).getString(1);

        ExecutionException e = assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        assertInstanceOf(CallTimeoutException.class, e.getCause());
        waitFor(() -> wire.size() == 2);
        String secondId = sent(1).getString(1);
        assertFalse(firstId.equals(secondId), "each call has its own message id");

        // the charger's late answer to the first call must not complete the second
        calls.onResult(new CallResult(firstId, payload("{\"status\":\"Accepted\"}")));
        assertFalse(second.isDone());
        calls.onResult(new CallResult(secondId, payload("{\"status\":\"Rejected\"}")));
        assertEquals("Rejected", second.get(1, TimeUnit.SECONDS).getString("status"));
    }

    @Test
    void unknownResultIsIgnored() {
        OutgoingCalls calls = calls(Duration.ofSeconds(30));
        CompletableFuture<JsonObject> call = calls.send("ClearCache", payload("{}"));
        calls.onResult(new CallResult("not-ours", payload("{}")));
        assertFalse(call.isDone());
        assertEquals(1, calls.pending());
    }

    @Test
    void closeFailsEverythingPendingAndLaterCalls() {
        OutgoingCalls calls = calls(Duration.ofSeconds(30));
        CompletableFuture<JsonObject> inFlight = calls.send("ClearCache", payload("{}"));
        CompletableFuture<JsonObject> queued = calls.send("ClearCache", payload("{}"));
        calls.close();
        for (CompletableFuture<JsonObject> f : List.of(inFlight, queued, calls.send("ClearCache", payload("{}")))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(1, TimeUnit.SECONDS));
            assertInstanceOf(ConnectionClosedException.class, e.getCause());
        }
        assertEquals(1, wire.size(), "nothing sent after close");
    }

    @Test
    void failedWriteFailsTheCallAndMovesOn() throws Exception {
        List<String> written = new CopyOnWriteArrayList<>();
        boolean[] fail = {true};
        OutgoingCalls calls = new OutgoingCalls("CP-1", OcppVersion.OCPP16.codec(), text -> {
            if (fail[0]) {
                fail[0] = false;
                throw new IllegalStateException("socket gone");
            }
            written.add(text);
        }, scheduler, Duration.ofSeconds(30));
        CompletableFuture<JsonObject> first = calls.send("ClearCache", payload("{}"));
        CompletableFuture<JsonObject> second = calls.send("ClearCache", payload("{}"));
        assertThrows(ExecutionException.class, () -> first.get(1, TimeUnit.SECONDS));
        assertEquals(1, written.size());
        assertFalse(second.isDone());
    }

    @Test
    void aCallIsAnOcppJCallFrameWithAUniqueIdOfAtMost36Characters() {
        OutgoingCalls calls = calls(Duration.ofSeconds(30));
        calls.send("Reset", new org.opencsms.ocpp.v16.ResetRequest(org.opencsms.ocpp.v16.ResetType.HARD));
        JsonArray call = sent(0);
        assertEquals(4, call.size());
        assertEquals(2, call.getInt(0));
        String id = call.getString(1);
        assertTrue(!id.isEmpty() && id.length() <= 36, id);
        assertEquals("Reset", call.getString(2));
        assertEquals(payload("{\"type\":\"Hard\"}"), call.getJsonObject(3));
    }

    @Test
    void aLateCallErrorDoesNotFailTheNextCall() throws Exception {
        OutgoingCalls calls = calls(Duration.ofMillis(100));
        CompletableFuture<JsonObject> first = calls.send("ClearCache", payload("{}"));
        CompletableFuture<JsonObject> second = calls.send("ClearCache", payload("{}"));
        assertThrows(ExecutionException.class, () -> first.get(5, TimeUnit.SECONDS));
        waitFor(() -> wire.size() == 2);
        calls.onError(new CallError(sent(0).getString(1), "InternalError", "late", JsonObject.EMPTY_JSON_OBJECT));
        assertFalse(second.isDone(), "an answer to the first CALL is never taken for the second");
        assertEquals(1, calls.pending());
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in time");
            Thread.sleep(10);
        }
    }
}
