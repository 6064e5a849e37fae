package org.opencsms.cms.chargepoint.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.messaging.Calls.Boot;
import org.opencsms.api.messaging.Calls.DataTransfer;
import org.opencsms.api.messaging.Calls.DataTransferReply;
import org.opencsms.api.messaging.Calls.DataTransferOutcome;
import org.opencsms.api.messaging.Calls.BootReply;
import org.opencsms.api.messaging.Calls.Heartbeat;
import org.opencsms.api.messaging.Calls.HeartbeatReply;
import org.opencsms.api.messaging.Calls.Ping;
import org.opencsms.api.messaging.Calls.PingReply;
import org.opencsms.api.messaging.Calls.Registration;
import org.opencsms.api.messaging.Events.DiagnosticsStatusChanged;
import org.opencsms.api.messaging.Events.FirmwareStatusChanged;
import org.opencsms.api.messaging.Events.NodeAlive;
import org.opencsms.api.messaging.Events.SessionClosed;
import org.opencsms.api.messaging.Events.SessionOpened;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.cms.chargepoint.control.DataTransferHandler;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.chargepoint.entity.Connector;
import org.opencsms.cms.chargepoint.entity.DataTransferRecord;
import org.opencsms.cms.chargepoint.entity.GatewayNode;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/**
 * What charge points ask and tell, version-neutral, as it arrives from the gateway over JMS. Every
 * method is one transaction and safe to repeat: messages may be redelivered.
 */
@Stateless
public class ChargePointActivity {
    private static final Logger LOG = Logger.getLogger(ChargePointActivity.class.getName());

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @EJB
    ChargePoints chargePoints;

    @Inject
    @Any
    Instance<DataTransferHandler> dataTransferHandlers;

    public PingReply ping(Ping ping) {
        GatewayNode node = ping.nodeId() == null ? null : em.find(GatewayNode.class, ping.nodeId());
        long deadLetters = em.createNamedQuery(org.opencsms.cms.deadletter.entity.DeadLetter.COUNT, Long.class)
                .getSingleResult();
        return new PingReply(true, node != null, deadLetters);
    }

    public BootReply boot(Boot boot) {
        OffsetDateTime now = Times.now();
        Optional<ChargePoint> found = chargePoints.lockByIdentity(boot.chargePointId());
        if (found.isEmpty() && !Settings.autoRegister()) {
            LOG.info(() -> "BootNotification from unregistered charge point " + boot.chargePointId() + ": Rejected");
            return new BootReply(Registration.REJECTED, Settings.heartbeatInterval(), now.toInstant());
        }
        ChargePoint cp = found.orElseGet(() -> {
            LOG.info(() -> "Auto-registering charge point " + boot.chargePointId());
            ChargePoint created = new ChargePoint(boot.chargePointId(), null, 0, now);
            em.persist(created);
            return created;
        });
        cp.booted(boot.vendor(), boot.model(), boot.serialNumber(), boot.chargeBoxSerialNumber(),
                boot.firmwareVersion(), boot.iccid(), boot.imsi(), boot.meterType(), boot.meterSerialNumber(),
                Registration.ACCEPTED.name(), now);
        return new BootReply(Registration.ACCEPTED, Settings.heartbeatInterval(), now.toInstant());
    }

    public HeartbeatReply heartbeat(Heartbeat heartbeat) {
        OffsetDateTime now = Times.now();
        chargePoints.lockByIdentity(heartbeat.chargePointId()).ifPresent(cp -> cp.seen(now));
        return new HeartbeatReply(now.toInstant());
    }

    public void statusChanged(StatusChanged event) {
        Optional<ChargePoint> found = chargePoints.lockByIdentity(event.chargePointId());
        if (found.isEmpty()) {
            LOG.info(() -> "StatusNotification from unregistered charge point " + event.chargePointId() + " ignored");
            return;
        }
        ChargePoint cp = found.get();
        OffsetDateTime now = Times.now();
        Instant received = received(event.receivedAt());
        Instant at = event.timestamp() != null ? event.timestamp() : received;
        Connector connector = cp.connector(event.connectorId())
                .orElseGet(() -> cp.addConnector(event.connectorId(), now));
        connector.report(event.status(), event.errorCode(), event.info(), event.vendorId(), event.vendorErrorCode(),
                Times.utc(at), now);
        cp.seen(Times.utc(received));
    }

    public void firmwareStatus(FirmwareStatusChanged event) {
        chargePoints.lockByIdentity(event.chargePointId())
                .ifPresent(cp -> cp.firmwareStatus(event.status(), Times.utc(received(event.receivedAt()))));
    }

    public void diagnosticsStatus(DiagnosticsStatusChanged event) {
        chargePoints.lockByIdentity(event.chargePointId())
                .ifPresent(cp -> cp.diagnosticsStatus(event.status(), Times.utc(received(event.receivedAt()))));
    }

    /** Answered by the vendor's handler, UnknownVendorId without one; stored either way (registered charge points). */
    public DataTransferReply dataTransfer(DataTransfer request) {
        DataTransferReply reply = dataTransferHandlers.stream()
                .filter(h -> h.vendorId().equals(request.vendorId())).findFirst()
                .map(h -> h.handle(request.chargePointId(), request.messageId(), request.data()))
                .orElseGet(() -> new DataTransferReply(DataTransferOutcome.UNKNOWN_VENDOR_ID, null));
        Instant received = received(request.receivedAt());
        chargePoints.lockByIdentity(request.chargePointId()).ifPresentOrElse(cp -> {
            em.persist(new DataTransferRecord(cp, request.vendorId(), request.messageId(), request.data(),
                    reply.status().name(), Times.utc(received)));
            cp.seen(Times.utc(received));
        }, () -> LOG.info(() -> "DataTransfer from unregistered charge point " + request.chargePointId() + " not stored"));
        return reply;
    }

    public void sessionOpened(SessionOpened event) {
        // read, not locked: a boot storm of one node must not queue behind that node's row. A restart
        // announcement committed meanwhile clears this session again (its update waits for the charge
        // point's row lock below and then sees the session).
        GatewayNode node = em.find(GatewayNode.class, event.nodeId());
        if (node == null) {
            node = nodeAlive(event.nodeId(), event.at());
        }
        if (!node.mayHold(Times.utc(event.at()))) {
            // processed after the node announced a restart: that session died with the old process
            return;
        }
        chargePoints.lockByIdentity(event.chargePointId())
                .ifPresent(cp -> cp.sessionOpened(event.nodeId(), event.sessionId(), event.ocppVersion(), Times.utc(event.at())));
    }

    public void sessionClosed(SessionClosed event) {
        chargePoints.lockByIdentity(event.chargePointId())
                .ifPresent(cp -> cp.sessionClosed(event.sessionId(), Times.utc(event.at())));
    }

    /** A node that (re)started has none of the sessions recorded for it before its start. */
    public void nodeAlive(NodeAlive event) {
        GatewayNode node = nodeAlive(event.nodeId(), event.at());
        if (event.startedAt() != null) {
            node.started(Times.utc(event.startedAt()));
            int cleared = em.createNamedQuery(ChargePoint.CLEAR_NODE_SESSIONS)
                    .setParameter("node", event.nodeId())
                    .setParameter("before", Times.utc(event.startedAt()))
                    .executeUpdate();
            if (cleared > 0) {
                LOG.info(() -> "Node " + event.nodeId() + " restarted: cleared " + cleared + " stale sessions");
            }
        }
    }

    private GatewayNode nodeAlive(String nodeId, Instant at) {
        GatewayNode node = em.find(GatewayNode.class, nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (node == null) {
            node = new GatewayNode(nodeId, Times.utc(at));
            em.persist(node);
        } else {
            node.alive(Times.utc(at));
        }
        return node;
    }

    private static Instant received(Instant receivedAt) {
        return receivedAt != null ? receivedAt : Instant.now();
    }
}
