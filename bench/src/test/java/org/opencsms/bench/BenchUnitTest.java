package org.opencsms.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Reply;

/** The parts of the load generator that need no server: options, /metrics parsing, the exactly-once check. */
class BenchUnitTest {

    @Test
    void options() {
        Options o = Options.parse(new String[] {"--url", "http://h:1/", "--chargers=10", "--meter-interval", "2",
            "--run-id", "R1", "--admin", "a:b:c", "--no-stop"});
        assertEquals("http://h:1", o.url);
        assertEquals(10, o.chargers);
        assertTrue(o.meterValues());
        assertTrue(o.verifyEnabled());
        assertFalse(o.stopTransactions);
        assertEquals("a", o.adminUser);
        assertEquals("b:c", o.adminPassword);
        assertEquals("BENCH-R1", o.tag);
        assertEquals("BENCH-R1-10", o.chargerId(9));
        assertFalse(Options.parse(new String[0]).verifyEnabled(), "heartbeats only: nothing to verify");
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--chargers", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--bogus", "1"}));
    }

    @Test
    void metricsByPrefixWithLabels() {
        Monitor.Metrics m = Monitor.parse(new Reply(200, """
                # HELP csms_event_backlog_messages events not stored yet
                # TYPE csms_event_backlog_messages gauge
                csms_event_backlog_messages{mp_scope="application"} 42.0
                csms_event_backlog_age_seconds{mp_scope="application"} 1.5
                process_cpu_seconds_total 12.25
                memory_usedHeap_bytes{mp_scope="base"} 1.0E8
                """));
        assertEquals(42.0, m.backlogMessages());
        assertEquals(1.5, m.backlogAge());
        assertEquals(12.25, m.processCpu());
        assertNull(m.processRssBytes());
        assertNull(Monitor.parse(new Reply(200, "other_metric 1\n")).backlogMessages());
    }

    @Test
    void verificationCountsLostDuplicatedAndUnacknowledged() {
        SimChargePoint c = new SimChargePoint(null, 0, "CP");
        c.mvTimestamps = new long[] {1000, 2000, 3000, 4000};
        c.mvEnergy = new long[] {10, 20, 30, 40};
        c.mvOutcome = new byte[] {SimChargePoint.ANSWERED, SimChargePoint.ANSWERED, SimChargePoint.TIMED_OUT, SimChargePoint.ANSWERED};
        c.mvCount = 4;
        JsonArrayBuilder stored = Json.createArrayBuilder();
        addAll(stored, 1000, 10); // once
        addAll(stored, 2000, 20);
        addAll(stored, 2000, 20); // twice
        addAll(stored, 3000, 30); // unacknowledged but stored
        // 4000 lost
        stored.add(value(5000, SimChargePoint.MEASURANDS[0], "50")); // not ours
        JsonObject tx = Json.createObjectBuilder().add("id", 1).add("meterValues", stored).build();
        Verifier.Result r = Verifier.compare(tx, List.of(c));
        assertEquals(8, r.verified);
        assertEquals(4, r.lost);
        assertEquals(4, r.duplicated);
        assertEquals(4, r.unconfirmedStored);
        assertEquals(0, r.unconfirmedNotStored);
        assertEquals(1, r.otherStored);
        assertEquals(0, r.wrongValue);
    }

    @Test
    void timestampsCompareAsInstants() {
        assertEquals(Rest.epochMs("2026-03-01T10:00:00.123Z"), Rest.epochMs("2026-03-01T11:00:00.123456+01:00"));
        assertEquals(Long.MIN_VALUE, Rest.epochMs("yesterday"));
    }

    private static void addAll(JsonArrayBuilder a, long ts, long energy) {
        for (String m : SimChargePoint.MEASURANDS) {
            a.add(value(ts, m, m.equals(SimChargePoint.MEASURANDS[0]) ? Long.toString(energy) : "1"));
        }
    }

    private static JsonObject value(long ts, String measurand, String v) {
        return Json.createObjectBuilder().add("timestamp", SimChargePoint.TS.format(java.time.Instant.ofEpochMilli(ts)))
                .add("measurand", measurand).add("value", v).build();
    }
}
