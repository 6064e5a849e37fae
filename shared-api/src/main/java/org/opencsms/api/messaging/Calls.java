package org.opencsms.api.messaging;

import java.time.Instant;
import java.util.List;

/**
 * Bodies of the request/reply exchanges, version-neutral. Every request is a {@link Call} naming its
 * reply type; {@link Contract} lists them from here, so a new exchange is one record in this file.
 */
public final class Calls {
    /** A request of the gateway that the CMS answers with an {@code R}. */
    public sealed interface Call<R> {
    }

    /** Readiness probe: answered by the CMS after it touched the database. */
    public record Ping(String nodeId) implements Call<PingReply> {
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
                       String meterType, String meterSerialNumber) implements Call<BootReply> {
    }

    public enum Registration { ACCEPTED, PENDING, REJECTED }

    public record BootReply(Registration status, int interval, Instant currentTime) {
    }

    public record Heartbeat(String chargePointId) implements Call<HeartbeatReply> {
    }

    public record HeartbeatReply(Instant currentTime) {
    }

    public record Authorize(String chargePointId, String idTag) implements Call<AuthorizeReply> {
    }

    public record AuthorizeReply(TagAuthorization idTagInfo) {
    }

    /**
     * @param timestamp  the charge point's start time (billing uses it, also when replayed late)
     * @param receivedAt when the gateway received it
     */
    public record StartTransaction(String chargePointId, int connectorId, String idTag, int meterStart,
                                   Integer reservationId, Instant timestamp, Instant receivedAt) implements Call<StartTransactionReply> {
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
                                  Instant receivedAt) implements Call<StopTransactionReply> {
    }

    /** @param idTagInfo the stopping tag's status; null when no tag was sent */
    public record StopTransactionReply(TagAuthorization idTagInfo) {
    }

    public record DataTransfer(String chargePointId, String vendorId, String messageId, String data,
                               Instant receivedAt) implements Call<DataTransferReply> {
    }

    public enum DataTransferOutcome { ACCEPTED, REJECTED, UNKNOWN_MESSAGE_ID, UNKNOWN_VENDOR_ID }

    public record DataTransferReply(DataTransferOutcome status, String data) {
    }

    private Calls() {
    }
}
