package org.opencsms.gateway.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection per charger: a reconnect replaces the old socket, whose late close changes nothing. */
class SessionRegistryTest {
    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final SessionRegistry registry = new SessionRegistry();

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    private ChargePointConnection connect(TestSocket socket, String id) {
        ChargePointConnection c = socket.connect(id, timers, Duration.ofSeconds(30));
        registry.register(c);
        return c;
    }

    @Test
    void aReconnectReplacesAndClosesTheOldSocket() throws Exception {
        TestSocket oldSocket = new TestSocket();
        ChargePointConnection old = connect(oldSocket, "CP-1");
        CompletableFuture<JsonObject> pending = old.outgoing().send("ClearCache", JsonObject.EMPTY_JSON_OBJECT);
        TestSocket newSocket = new TestSocket();
        ChargePointConnection current = connect(newSocket, "CP-1");

        assertSame(current, registry.find("CP-1").orElseThrow());
        assertEquals(1, registry.count());
        assertEquals(CloseReason.CloseCodes.NORMAL_CLOSURE, oldSocket.closeReason().getCloseCode());
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertInstanceOf(ConnectionClosedException.class, e.getCause());
        assertTrue(newSocket.isOpen());

        assertFalse(registry.unregister(old), "the old socket's close does not remove the new session");
        assertSame(current, registry.find("CP-1").orElseThrow());
        assertTrue(registry.unregister(current));
        assertTrue(registry.find("CP-1").isEmpty());
    }

    @Test
    void registeringTheSameConnectionAgainDoesNotCloseIt() {
        TestSocket socket = new TestSocket();
        ChargePointConnection c = connect(socket, "CP-1");
        registry.register(c);
        assertNull(socket.closeReason());
        assertSame(c, registry.find("CP-1").orElseThrow());
    }

    @Test
    void chargersAreKeptApart() {
        TestSocket one = new TestSocket();
        TestSocket two = new TestSocket();
        ChargePointConnection a = connect(one, "CP-1");
        ChargePointConnection b = connect(two, "CP-2");
        assertEquals(2, registry.count());
        assertEquals(java.util.Set.of(a, b), java.util.Set.copyOf(registry.all()));
        assertTrue(one.isOpen() && two.isOpen());
        assertTrue(registry.find("cp-1").isEmpty(), "ids are case-sensitive");
    }
}
