package org.opencsms.api.messaging;

import java.time.Instant;
import java.util.List;

/** Bodies of the request/reply exchanges, version-neutral. */
public final class Calls {
    /** Readiness probe: answered by the CMS after it touched the database. */
    public record Ping(String nodeId) {
    }

    /**
     * @param databaseUp    the CMS reached the database
     * @param eventsFromNode the CMS has stored an event of the asking node (its start announcement),
     *                       so the event consumers are up too
     */
    /** @param deadLetters events kept in the dead-letter store (shown, not a reason to be unready) */
    public record PingReply(boolean databaseUp, boolean eventsFromNode, long deadLetters) {
    }

    /**
     * Asked by the gateway during the WebSocket upgrade of a charge point.
     *
     * @param password the password of the HTTP Basic header, null when none was sent
     * @param secure   whether the upgrade came over TLS
     */
    public record Boot(String chargePointId, String vendor, String model, String serialNumber,
                       String chargeBoxSerialNumber, String firmwareVersion, String iccid, String imsi,
                       String meterType, String meterSerialNumber) {
    }

    public enum Registration { ACCEPTED, PENDING, REJECTED }

    public record BootReply(Registration status, int interval, Instant currentTime) {
    }

    public record Heartbeat(String chargePointId) {
    }

    public record HeartbeatReply(Instant currentTime) {
    }

    public record Authorize(String chargePointId, String idTag) {
    }

    public record AuthorizeReply(TagAuthorization idTagInfo) {
    }

    /**
     * @param timestamp  the charge point's start time (billing uses it, also when replayed late)
     * @param receivedAt when the gateway received it
     */
    public record StartTransaction(String chargePointId, int connectorId, String idTag, int meterStart,
                                   Integer reservationId, Instant timestamp, Instant receivedAt) {
    }

    public record StartTransactionReply(int transactionId, TagAuthorization idTagInfo) {
    }

    /**
     * @param idTag           the tag that stopped it; null when the charge point sent none
     * @param reason          the OCPP stop reason; null: Local
     * @param transactionData meter values reported with the stop, possibly empty
     */
    public record StopTransaction(String chargePointId, int transactionId, String idTag, int meterStop,
                                  Instant timestamp, String reason, List<MeterSample> transactionData,
                                  Instant receivedAt) {
    }

    /** @param idTagInfo the stopping tag's status; null when no tag was sent */
    public record StopTransactionReply(TagAuthorization idTagInfo) {
    }

    public record DataTransfer(String chargePointId, String vendorId, String messageId, String data,
                               Instant receivedAt) {
    }

    public enum DataTransferOutcome { ACCEPTED, REJECTED, UNKNOWN_MESSAGE_ID, UNKNOWN_VENDOR_ID }

    public record DataTransferReply(DataTransferOutcome status, String data) {
    }

    private Calls() {
    }
}
