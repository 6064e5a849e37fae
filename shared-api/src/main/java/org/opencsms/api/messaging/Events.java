package org.opencsms.api.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Bodies of the events published on the event topic, version-neutral. {@link Contract} lists every
 * {@link Event} of this file, so a new event is one record here.
 */
public final class Events {
    /** An event; its name on the wire is its simple class name unless {@link Contract.WireName} says otherwise. */
    public sealed interface Event {
    }

    /**
     * A connector (0: the charge point itself) reported its status.
     *
     * @param timestamp  the charge point's timestamp, null when it sent none
     * @param receivedAt when the gateway received it
     */
    public record StatusChanged(String chargePointId, int connectorId, String status, String errorCode,
                                String info, String vendorId, String vendorErrorCode, Instant timestamp,
                                Instant receivedAt) implements Event {
    }

    /** Meter readings of a connector, linked to a transaction when the charge point named one. */
    @Contract.WireName("MeterValues")
    public record MeterValuesReported(String chargePointId, int connectorId, Integer transactionId,
                                      List<MeterSample> samples, Instant receivedAt) implements Event {
    }

    /** DiagnosticsStatusNotification: the status of a diagnostics upload. */
    @Contract.WireName("DiagnosticsStatus")
    public record DiagnosticsStatusChanged(String chargePointId, String status, Instant receivedAt) implements Event {
    }

    /** FirmwareStatusNotification: the status of a firmware update. */
    @Contract.WireName("FirmwareStatus")
    public record FirmwareStatusChanged(String chargePointId, String status, Instant receivedAt) implements Event {
    }

    /** A charge point's WebSocket session opened on a gateway node. */
    public record SessionOpened(String chargePointId, String nodeId, String sessionId, String ocppVersion,
                                Instant at) implements Event {
    }

    /** A charge point's WebSocket session closed; only clears the record if it still names this session. */
    public record SessionClosed(String chargePointId, String nodeId, String sessionId, Instant at) implements Event {
    }

    /**
     * A gateway node is alive; sessions of nodes not heard from for a while count as closed.
     *
     * @param startedAt when the node started, set on its first announcement only: sessions recorded
     *                  for the node before then are gone
     */
    public record NodeAlive(String nodeId, Instant at, Instant startedAt) implements Event {
    }

    private Events() {
    }
}
