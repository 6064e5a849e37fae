package org.opencsms.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events.NodeAlive;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.platform.GatewayMetrics;
import org.opencsms.gateway.platform.GatewaySettings;

/**
 * Periodic work of the node: WebSocket pings to every charge point (half-open sockets are common: a
 * charge point that answers no ping for two intervals is closed), and the node's own "alive" event that
 * keeps its charge points counted as connected.
 */
@ApplicationScoped
public class Keepalive {
    private static final Logger LOG = Logger.getLogger(Keepalive.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;
    @Inject
    SessionRegistry registry;
    @Inject
    CmsClient cms;
    @Inject
    GatewayMetrics metrics;
    @Inject
    org.opencsms.gateway.cms.EventBacklog backlog;

    private final Instant startedAt = Instant.now();
    private volatile boolean announced;
    private ScheduledFuture<?> pings;
    private ScheduledFuture<?> alive;

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // a node without a valid id must not start: its commands could never be routed to it
        String node = cms.nodeId();
        LOG.info(() -> "Gateway node " + node + " starting");
        metrics.connectedChargePoints(registry::count);
        backlog.start(GatewaySettings.rabbitmq());
        cms.startEvents();
        Duration ping = GatewaySettings.pingInterval();
        pings = scheduler.scheduleAtFixedRate(() -> pingAll(ping), ping.toMillis(), ping.toMillis(),
                TimeUnit.MILLISECONDS);
        Duration every = GatewaySettings.nodeAliveInterval();
        alive = scheduler.scheduleAtFixedRate(this::announce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (pings != null) {
            pings.cancel(false);
            alive.cancel(false);
        }
    }

    private void pingAll(Duration interval) {
        org.opencsms.gateway.ocpp.OcppEndpoint.CONNECTIONS_LOG.summary();
        org.opencsms.gateway.ocpp.HandshakeFilter.PROFILE_0_LOG.summary();
        Instant now = Instant.now();
        Duration firstFrame = GatewaySettings.firstFrameLimit();
        Duration silence = GatewaySettings.silenceLimit();
        for (ChargePointConnection c : registry.all()) {
            if (c.silent(now, firstFrame, silence)) {
                LOG.info(() -> c.chargePointId() + " sent nothing for too long: closing");
                c.close(jakarta.websocket.CloseReason.CloseCodes.GOING_AWAY, "silent");
                continue;
            }
            c.keepAlive(now, interval.multipliedBy(2));
        }
    }

    private void announce() {
        try {
            cms.publish("", new NodeAlive(cms.nodeId(), Instant.now(), announced ? null : startedAt));
            announced = true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not announce node " + cms.nodeId(), e);
        }
    }
}
