package org.opencsms.cms.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What this node's CMS measures, exported at /metrics (Prometheus): events stored per type and how
 * far behind the charge point's answer their storing is. Tag values come from the closed set of contract
 * type names.
 */
@ApplicationScoped
public class CmsMetrics {
    @Inject
    MetricRegistry registry;

    private final ConcurrentMap<String, Counter> stored = new ConcurrentHashMap<>();
    /** Publish-to-stored delay of the last event stored, and when that was (ms since the epoch). */
    private final AtomicLong lastLagMillis = new AtomicLong();
    private final AtomicLong lastStoredAt = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    @jakarta.ejb.EJB
    org.opencsms.api.cms.DeadLetterAdmin deadLetters;

    @PostConstruct
    void gauges() {
        registry.gauge("csms_event_backlog_age_seconds", this, CmsMetrics::lagSeconds);
        registry.gauge("csms_dead_letters", this, m -> m.deadLetterCount());
        registry.gauge("csms_event_failures", failures, AtomicLong::get);
    }

    private final ConcurrentMap<String, org.eclipse.microprofile.metrics.Timer> timers = new ConcurrentHashMap<>();

    /**
     * A gateway call was answered: how long it waited in the request queue (publish to receipt) and
     * how long the CMS took.
     */
    public void requestHandled(String type, long publishedAt, long receivedAt, long handledNanos) {
        if (publishedAt > 0) {
            timers.computeIfAbsent("wait|" + type, k -> registry.timer("csms_cms_request_wait", new Tag("type", type)))
                    .update(java.time.Duration.ofMillis(Math.max(0, receivedAt - publishedAt)));
        }
        timers.computeIfAbsent("run|" + type, k -> registry.timer("csms_cms_request", new Tag("type", type)))
                .update(java.time.Duration.ofNanos(handledNanos));
    }

    /**
     * An event was stored.
     *
     * @param publishedAt when the gateway published it (JMSTimestamp, ms), 0 when unknown
     */
    public void eventStored(String type, long publishedAt) {
        stored.computeIfAbsent(type, t -> registry.counter("csms_events_stored", new Tag("type", t))).inc();
        long now = System.currentTimeMillis();
        if (publishedAt > 0) {
            lastLagMillis.set(Math.max(0, now - publishedAt));
        }
        lastStoredAt.set(now);
    }

    public void eventFailed() {
        failures.incrementAndGet();
    }

    /** Events kept in the dead-letter store (-1 when the database cannot say). */
    long deadLetterCount() {
        try {
            return deadLetters.count();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * How far behind the CMS stores events: the publish-to-stored delay of the last event stored
     * within the last 10 s; 0 when none was (nothing to store).
     */
    double lagSeconds() {
        return System.currentTimeMillis() - lastStoredAt.get() > 10_000 ? 0 : lastLagMillis.get() / 1000.0;
    }
}
