package org.opencsms.gateway.platform;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * What this node's gateway measures, exported at /metrics (Prometheus): charge point CALLs answered per
 * action and outcome with their latency, handshakes, connected charge points, event publishing. Tag values
 * come from closed sets only (registered actions, OCPP error codes): a charge point cannot create metrics.
 */
@ApplicationScoped
public class GatewayMetrics {
    /** The tag value of an action name a charge point sent that is not in the registry. */
    public static final String UNKNOWN_ACTION = "unknown";

    @Inject
    MetricRegistry registry;

    private final ConcurrentMap<String, Timer> callTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * A charge point's CALL was answered.
     *
     * @param action  a registered action name, or {@link #UNKNOWN_ACTION}
     * @param outcome "result" or the CALLERROR code
     */
    public void callAnswered(String action, String outcome, long nanos) {
        callTimers.computeIfAbsent(action, a -> registry.timer("csms_ocpp_call", new Tag("action", a)))
                .update(Duration.ofNanos(nanos));
        count("csms_ocpp_calls", "action", action, "outcome", outcome);
    }

    /** A call to the CMS over the broker was answered (or failed / timed out). */
    public void cmsCall(String type, long nanos, boolean ok) {
        callTimers.computeIfAbsent("cms|" + type, a -> registry.timer("csms_cms_call", new Tag("type", a)))
                .update(Duration.ofNanos(nanos));
        if (!ok) {
            count("csms_cms_call_failures", "type", type);
        }
    }

    /** A WebSocket upgrade was decided: "accepted", "unauthorized", "forbidden", "refused", "unavailable". */
    public void handshake(String outcome) {
        count("csms_handshakes", "outcome", outcome);
    }

    /** An event was published (and confirmed by the broker), or could not be. */
    public void eventPublished(long nanos, boolean ok) {
        if (ok) {
            callTimers.computeIfAbsent("event", a -> registry.timer("csms_event_publish")).update(Duration.ofNanos(nanos));
        }
        count("csms_events_published", "outcome", ok ? "ok" : "failed");
    }

    /** Registers the gauge of connected charge points once. */
    public void connectedChargePoints(Supplier<Integer> count) {
        registry.gauge("csms_connected_chargers", count, Supplier::get);
    }

    private void count(String name, String... tags) {
        String key = name + String.join("|", tags);
        counters.computeIfAbsent(key, k -> {
            Tag[] t = new Tag[tags.length / 2];
            for (int i = 0; i < t.length; i++) {
                t[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
            }
            return registry.counter(name, t);
        }).inc();
    }
}
