package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Api;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/** /metrics (Prometheus text): what the benchmark and an operator read, without credentials. */
class MetricsIT {

    private static String metrics() {
        Reply r = Api.send(Server.API.anonymous("/metrics").GET());
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    private static Optional<Double> value(String text, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$").matcher(text);
        while (m.find()) {
            String found = m.group(1);
            if (java.util.Arrays.stream(labels.split(",")).allMatch(found::contains)) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }

    @Test
    void chargerCallsAreCountedPerActionAndOutcomeAndTimed() {
        String id = Server.uniqueId("MET");
        Server.register("{\"id\":\"" + id + "\"}");
        double before = value(metrics(), "csms_ocpp_calls_total", "action=\"Heartbeat\",outcome=\"result\"").orElse(0.0);
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            c.ok("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"M\"}");
            c.ok("Heartbeat", "{}");
            c.ok("Heartbeat", "{}");
            assertEquals(4, c.call("Evil\\nAction" + id, "{}").getInt(0), "an unknown action is a CALLERROR");
            String text = metrics();
            assertEquals(before + 2, value(text, "csms_ocpp_calls_total", "action=\"Heartbeat\",outcome=\"result\"")
                    .orElseThrow(), 0.0001);
            assertTrue(value(text, "csms_ocpp_call_seconds_count", "action=\"BootNotification\"").orElseThrow() >= 1);
            assertTrue(value(text, "csms_ocpp_calls_total", "action=\"unknown\",outcome=\"NotImplemented\"")
                    .orElseThrow() >= 1, "unknown actions share one label value");
            assertFalse(text.contains(id), "no charger-supplied text in metric labels");
            assertTrue(value(text, "csms_connected_chargers", "").orElseThrow() >= 1);
        }
    }

    @Test
    void theEventBacklogItsAgeAndTheDeadLettersAreVisible() {
        String text = metrics();
        for (String gauge : new String[] {"csms_event_backlog_messages", "csms_event_backlog_limit",
                "csms_event_backlog_age_seconds", "csms_dead_letters"}) {
            assertTrue(value(text, gauge, "").isPresent(), gauge + " in " + text.lines()
                    .filter(l -> l.startsWith("csms_")).toList());
        }
        assertTrue(value(text, "csms_event_backlog_messages", "").orElseThrow() >= 0, "the broker's count is read");
    }
}
