package org.opencsms.cms.chargepoint.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.opencsms.cms.activity.boundary.ActivityKind;
import org.opencsms.cms.activity.boundary.ActivityLog;
import org.opencsms.cms.chargepoint.boundary.BootDecision.Admission;
import org.opencsms.cms.chargepoint.control.DataTransferAnswer;
import org.opencsms.cms.chargepoint.control.DataTransferHandler;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.chargepoint.entity.Connector;
import org.opencsms.cms.chargepoint.entity.DataTransferRecord;
import org.opencsms.cms.chargepoint.entity.GatewayNode;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/**
 * What charge points ask and tell, version-neutral: boots, heartbeats, connector status, firmware and
 * diagnostics status, vendor data, and where their sockets are. The message listeners translate the
 * gateway's messages into these operations. Every method is one transaction and safe to repeat:
 * messages may be redelivered. What really changed (a session opened or closed, a boot accepted, a
 * connector's status) is written to the activity feed in the same transaction; a repeat writes nothing.
 */
@Stateless
public class ChargePointActivity {
    private static final Logger LOG = Logger.getLogger(ChargePointActivity.class.getName());

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @EJB
    ChargePoints chargePoints;
    @EJB
    ActivityLog activityLog;
    @Inject
    Event<ChargePointRebooted> rebooted;

    @Inject
    @Any
    Instance<DataTransferHandler> dataTransferHandlers;

    /** Readiness: answers only when the database does; whether the node's start announcement is stored. */
    public NodeHealth ping(String nodeId) {
        GatewayNode node = nodeId == null ? null : em.find(GatewayNode.class, nodeId);
        long deadLetters = em.createNamedQuery(org.opencsms.cms.deadletter.entity.DeadLetter.COUNT, Long.class)
                .getSingleResult();
        return new NodeHealth(true, node != null, deadLetters);
    }

    /** Unregistered charge points are rejected unless CSMS_AUTO_REGISTER registers them. */
    public BootDecision boot(String chargePointId, BootInfo boot) {
        OffsetDateTime now = Times.now();
        Optional<ChargePoint> found = chargePoints.lockByIdentity(chargePointId);
        if (found.isEmpty() && !Settings.autoRegister()) {
            LOG.info(() -> "BootNotification from unregistered charge point " + chargePointId + ": Rejected");
            return new BootDecision(Admission.REJECTED, Settings.heartbeatInterval(), now.toInstant());
        }
        ChargePoint cp = found.orElseGet(() -> {
            LOG.info(() -> "Auto-registering charge point " + chargePointId);
            ChargePoint created = new ChargePoint(chargePointId, null, 0, now);
            em.persist(created);
            return created;
        });
        cp.booted(boot.vendor(), boot.model(), boot.serialNumber(), boot.chargeBoxSerialNumber(),
                boot.firmwareVersion(), boot.iccid(), boot.imsi(), boot.meterType(), boot.meterSerialNumber(),
                Admission.ACCEPTED.name(), now);
        activityLog.record(chargePointId, ActivityKind.BOOTED, bootDetail(boot), now);
        // a charge point that reports a reboot is taken to have lost the profiles we set
        rebooted.fire(new ChargePointRebooted(cp));
        return new BootDecision(Admission.ACCEPTED, Settings.heartbeatInterval(), now.toInstant());
    }

    /** The CMS's time; the charge point was seen now. */
    public Instant heartbeat(String chargePointId) {
        OffsetDateTime now = Times.now();
        chargePoints.lockByIdentity(chargePointId).ifPresent(cp -> cp.seen(now));
        return now.toInstant();
    }

    /** A newer report replaces an older one; an older one arriving late is ignored. */
    public void statusChanged(String chargePointId, ConnectorReport event, Instant receivedAt) {
        Optional<ChargePoint> found = chargePoints.lockByIdentity(chargePointId);
        if (found.isEmpty()) {
            LOG.info(() -> "StatusNotification from unregistered charge point " + chargePointId + " ignored");
            return;
        }
        ChargePoint cp = found.get();
        OffsetDateTime now = Times.now();
        Instant received = received(receivedAt);
        Instant at = event.timestamp() != null ? event.timestamp() : received;
        Connector connector = cp.connector(event.connectorId())
                .orElseGet(() -> cp.addConnector(event.connectorId(), now));
        String statusBefore = connector.getStatus();
        String errorBefore = connector.getErrorCode();
        boolean applied = connector.report(event.status(), event.errorCode(), event.info(), event.vendorId(),
                event.vendorErrorCode(), Times.utc(at), now);
        cp.seen(Times.utc(received));
        // a change of status or error code, not a repeat (a redelivered report, or the same status again)
        if (applied && !(Objects.equals(statusBefore, event.status()) && Objects.equals(errorBefore, event.errorCode()))) {
            activityLog.record(chargePointId, ActivityKind.STATUS_CHANGED, statusDetail(event), Times.utc(received));
        }
    }

    public void firmwareStatus(String chargePointId, String status, Instant receivedAt) {
        chargePoints.lockByIdentity(chargePointId)
                .ifPresent(cp -> cp.firmwareStatus(status, Times.utc(received(receivedAt))));
    }

    public void diagnosticsStatus(String chargePointId, String status, Instant receivedAt) {
        chargePoints.lockByIdentity(chargePointId)
                .ifPresent(cp -> cp.diagnosticsStatus(status, Times.utc(received(receivedAt))));
    }

    /** Answered by the vendor's handler, UnknownVendorId without one; stored either way (registered charge points). */
    public DataTransferAnswer dataTransfer(String chargePointId, String vendorId, String messageId, String data,
                                           Instant receivedAt) {
        DataTransferAnswer reply = dataTransferHandlers.stream()
                .filter(h -> h.vendorId().equals(vendorId)).findFirst()
                .map(h -> h.handle(chargePointId, messageId, data))
                .orElseGet(() -> new DataTransferAnswer(DataTransferAnswer.VendorReply.UNKNOWN_VENDOR_ID, null));
        Instant received = received(receivedAt);
        chargePoints.lockByIdentity(chargePointId).ifPresentOrElse(cp -> {
            em.persist(new DataTransferRecord(cp, vendorId, messageId, data, reply.status().name(), Times.utc(received)));
            cp.seen(Times.utc(received));
        }, () -> LOG.info(() -> "DataTransfer from unregistered charge point " + chargePointId + " not stored"));
        return reply;
    }

    /** A socket of the charge point opened on node {@code nodeId} at {@code at}. */
    public void sessionOpened(String chargePointId, String nodeId, String sessionId, String ocppVersion, Instant at) {
        // read, not locked: a boot storm of one node must not queue behind that node's row. A restart
        // announcement committed meanwhile clears this session again (its update waits for the charge
        // point's row lock below and then sees the session).
        GatewayNode node = em.find(GatewayNode.class, nodeId);
        if (node == null) {
            node = nodeSeen(nodeId, at);
        }
        if (!node.mayHold(Times.utc(at))) {
            // processed after the node announced a restart: that session died with the old process
            return;
        }
        chargePoints.lockByIdentity(chargePointId)
                .filter(cp -> cp.sessionOpened(nodeId, sessionId, ocppVersion, Times.utc(at)))
                .ifPresent(cp -> activityLog.record(chargePointId, ActivityKind.CONNECTED, "node " + nodeId, Times.utc(at)));
    }

    /** A socket closed; clears the record only if it still names this session. */
    public void sessionClosed(String chargePointId, String sessionId, Instant at) {
        chargePoints.lockByIdentity(chargePointId).ifPresent(cp -> {
            String node = cp.getSessionNode();
            if (cp.sessionClosed(sessionId, Times.utc(at))) {
                activityLog.record(chargePointId, ActivityKind.DISCONNECTED, "node " + node, Times.utc(at));
            }
        });
    }

    /**
     * A gateway node is alive at {@code at}; {@code startedAt}, on its first announcement only, is when it
     * started: a node that (re)started has none of the sessions recorded for it before its start.
     */
    public void nodeAlive(String nodeId, Instant at, Instant startedAt) {
        GatewayNode node = nodeSeen(nodeId, at);
        if (startedAt != null) {
            node.started(Times.utc(startedAt));
            int cleared = em.createNamedQuery(ChargePoint.CLEAR_NODE_SESSIONS)
                    .setParameter("node", nodeId)
                    .setParameter("before", Times.utc(startedAt))
                    .executeUpdate();
            if (cleared > 0) {
                LOG.info(() -> "Node " + nodeId + " restarted: cleared " + cleared + " stale sessions");
            }
        }
    }

    private GatewayNode nodeSeen(String nodeId, Instant at) {
        GatewayNode node = em.find(GatewayNode.class, nodeId, LockModeType.PESSIMISTIC_WRITE);
        if (node == null) {
            node = new GatewayNode(nodeId, Times.utc(at));
            em.persist(node);
        } else {
            node.alive(Times.utc(at));
        }
        return node;
    }

    /** "vendor model, firmware fw", as far as the charge point told. */
    static String bootDetail(BootInfo boot) {
        String description = (Objects.toString(boot.vendor(), "") + " " + Objects.toString(boot.model(), "")).strip();
        return boot.firmwareVersion() == null ? description
                : (description.isEmpty() ? "" : description + ", ") + "firmware " + boot.firmwareVersion();
    }

    /** "connector N: Status", and " (errorCode)" unless NoError. */
    static String statusDetail(ConnectorReport report) {
        String detail = "connector " + report.connectorId() + ": " + report.status();
        return report.errorCode() == null || "NoError".equals(report.errorCode()) ? detail
                : detail + " (" + report.errorCode() + ")";
    }

    private static Instant received(Instant receivedAt) {
        return receivedAt != null ? receivedAt : Instant.now();
    }
}
