package org.opencsms.cms.transaction.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opencsms.cms.authorization.entity.IdTag;
import org.opencsms.cms.chargepoint.entity.ChargePoint;

/** A charging transaction; its id is the OCPP transactionId. */
@Entity
@Table(name = "charging_transaction")
@NamedQuery(name = ChargingTransaction.BY_IDS, query = "select t from ChargingTransaction t where t.id in :ids")
@NamedQuery(name = ChargingTransaction.SAME_START, query = "select t from ChargingTransaction t "
        + "where t.chargePoint = :cp and t.connectorId = :connector and t.idTag = :idTag "
        + "and t.startTimestamp = :timestamp and t.meterStart = :meterStart")
// only accepted starts count: a refused one never charged, whether or not it was stopped
@NamedQuery(name = ChargingTransaction.ACTIVE_OF_TAG, query = "select count(t) from ChargingTransaction t "
        + "where t.idTagKey = :key and t.stopTimestamp is null and t.startStatus = 'ACCEPTED'")
public class ChargingTransaction {
    public static final String BY_IDS = "ChargingTransaction.byIds";
    public static final String SAME_START = "ChargingTransaction.sameStart";
    public static final String ACTIVE_OF_TAG = "ChargingTransaction.activeOfTag";

    @Id
    @SequenceGenerator(name = "transaction_seq", sequenceName = "transaction_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transaction_seq")
    private Integer id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    @Column(name = "connector_id")
    private int connectorId;
    @Column(name = "id_tag")
    private String idTag;
    @Column(name = "id_tag_key")
    private String idTagKey;
    @Column(name = "start_status")
    private String startStatus;
    @Column(name = "meter_start")
    private int meterStart;
    @Column(name = "start_timestamp")
    private OffsetDateTime startTimestamp;
    @Column(name = "reservation_id")
    private Integer reservationId;
    @Column(name = "start_received_at")
    private OffsetDateTime startReceivedAt;
    @Column(name = "meter_stop")
    private Integer meterStop;
    @Column(name = "stop_timestamp")
    private OffsetDateTime stopTimestamp;
    @Column(name = "stop_reason")
    private String stopReason;
    @Column(name = "stop_id_tag")
    private String stopIdTag;
    @Column(name = "stop_received_at")
    private OffsetDateTime stopReceivedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected ChargingTransaction() {
    }

    public ChargingTransaction(ChargePoint chargePoint, int connectorId, String idTag, String startStatus,
                               int meterStart, OffsetDateTime startTimestamp, Integer reservationId,
                               OffsetDateTime startReceivedAt) {
        this.chargePoint = chargePoint;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.idTagKey = IdTag.key(idTag);
        this.startStatus = startStatus;
        this.meterStart = meterStart;
        this.startTimestamp = startTimestamp;
        this.reservationId = reservationId;
        this.startReceivedAt = startReceivedAt;
    }

    public boolean isStopped() {
        return stopTimestamp != null;
    }

    /** Whether a stop report says the same as the one recorded (a charge point repeating its StopTransaction). */
    public boolean isSameStop(int meterStop, OffsetDateTime timestamp) {
        return isStopped() && this.meterStop == meterStop && stopTimestamp.isEqual(timestamp);
    }

    public void stop(int meterStop, OffsetDateTime timestamp, String reason, String idTag, OffsetDateTime receivedAt) {
        this.meterStop = meterStop;
        this.stopTimestamp = timestamp;
        this.stopReason = reason;
        this.stopIdTag = idTag;
        this.stopReceivedAt = receivedAt;
    }

    /** An operator's close of a transaction its charge point will never report: stopped now, by {@code closedBy}. */
    public void closeByOperator(int meterStop, String reason, String closedBy, OffsetDateTime now) {
        stop(meterStop, now, reason, null, now);
        this.closedBy = closedBy;
        this.closedAt = now;
    }

    public boolean isClosedByOperator() {
        return closedBy != null;
    }

    /** Energy of a stopped transaction; null while it runs. */
    public Integer energyWh() {
        return meterStop == null ? null : meterStop - meterStart;
    }

    public Integer getId() { return id; }
    public ChargePoint getChargePoint() { return chargePoint; }
    public int getConnectorId() { return connectorId; }
    public String getIdTag() { return idTag; }
    public String getStartStatus() { return startStatus; }
    public int getMeterStart() { return meterStart; }
    public OffsetDateTime getStartTimestamp() { return startTimestamp; }
    public Integer getReservationId() { return reservationId; }
    public OffsetDateTime getStartReceivedAt() { return startReceivedAt; }
    public Integer getMeterStop() { return meterStop; }
    public OffsetDateTime getStopTimestamp() { return stopTimestamp; }
    public String getStopReason() { return stopReason; }
    public String getStopIdTag() { return stopIdTag; }
    public OffsetDateTime getStopReceivedAt() { return stopReceivedAt; }
    public String getClosedBy() { return closedBy; }
    public OffsetDateTime getClosedAt() { return closedAt; }
}
