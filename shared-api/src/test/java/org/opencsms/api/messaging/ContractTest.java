package org.opencsms.api.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContractTest {
    @Test
    void everyRequestKnowsItsReplyAndEveryBodyIsARecord() {
        assertEquals(Calls.Call.class.getPermittedSubclasses().length, Contract.CALLS.size());
        for (CallType<?, ?> type : Contract.CALLS) {
            assertTrue(type.requestType().isRecord(), type + " request");
            assertTrue(type.replyType().isRecord(), type + " reply");
            assertSame(type, Contract.call(type.name()).orElseThrow());
        }
        Calls.Boot boot = new Calls.Boot("CP-1", "v", "m", null, null, null, null, null, null, null);
        assertEquals(Calls.BootReply.class, Contract.call(boot).replyType());
        assertEquals("Boot", Contract.call(boot).name());
    }

    @Test
    void namesAreUniqueAcrossCallsAndEvents() {
        Set<String> names = new HashSet<>();
        Contract.CALLS.forEach(c -> assertTrue(names.add(c.name()), c.name()));
        Contract.EVENTS.forEach(e -> assertTrue(names.add(e.name()), e.name()));
    }

    /**
     * Names already on the wire stay: events kept as dead letters, and nodes of the previous release
     * during a rolling upgrade, carry them.
     */
    @Test
    void eventsPublishedByEarlierReleasesKeepTheirNames() {
        for (String name : List.of("StatusChanged", "SessionOpened", "SessionClosed", "NodeAlive", "MeterValues",
                "DiagnosticsStatus", "FirmwareStatus")) {
            assertTrue(Contract.event(name).isPresent(), name);
        }
        assertEquals("MeterValues", Contract.event(new Events.MeterValuesReported("CP", 1, null, List.of(),
                Instant.EPOCH)).name());
    }
}
