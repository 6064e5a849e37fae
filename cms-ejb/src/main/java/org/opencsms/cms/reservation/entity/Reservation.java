package org.opencsms.cms.reservation.entity;

import java.time.OffsetDateTime;
import java.util.Set;

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

import org.opencsms.cms.chargepoint.entity.ChargePoint;

/** A reservation; its id is the OCPP reservationId. The status values are those of {@code ReservationView}. */
@Entity
@Table(name = "reservation")
@NamedQuery(name = Reservation.EXPIRE, query = "update Reservation r set r.status = '" + Reservation.EXPIRED + "', "
        + "r.statusAt = :now where r.status in ('" + Reservation.PENDING + "', '" + Reservation.ACCEPTED + "', '"
        + Reservation.NO_ANSWER + "') and r.expiryDate <= :now")
public class Reservation {
    public static final String EXPIRE = "Reservation.expire";

    public static final String PENDING = "Pending";
    public static final String ACCEPTED = "Accepted";
    public static final String ERROR = "Error";
    public static final String NO_ANSWER = "NoAnswer";
    public static final String NOT_CONNECTED = "NotConnected";
    public static final String CANCELLED = "Cancelled";
    public static final String USED = "Used";
    public static final String EXPIRED = "Expired";
    /** ReserveNow.conf's statuses (OCPP 1.6 ReservationStatus). */
    public static final Set<String> ANSWERS = Set.of(ACCEPTED, "Faulted", "Occupied", "Rejected", "Unavailable");
    /**
     * May still hold at the charge point: it accepted, or we do not know what it did (no answer yet, or none
     * in time). Such a reservation can be cancelled and expires.
     */
    public static final Set<String> MAY_HOLD = Set.of(PENDING, ACCEPTED, NO_ANSWER);

    @Id
    @SequenceGenerator(name = "reservation_seq", sequenceName = "reservation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reservation_seq")
    private Integer id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    @Column(name = "connector_id")
    private int connectorId;
    @Column(name = "id_tag")
    private String idTag;
    @Column(name = "parent_id_tag")
    private String parentIdTag;
    @Column(name = "expiry_date")
    private OffsetDateTime expiryDate;
    private String status;
    @Column(name = "status_at")
    private OffsetDateTime statusAt;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "reserve_command_id")
    private Long reserveCommandId;
    @Column(name = "transaction_id")
    private Integer transactionId;
    @Column(name = "cancel_status")
    private String cancelStatus;
    @Column(name = "cancel_command_id")
    private Long cancelCommandId;
    @Column(name = "cancelled_by")
    private String cancelledBy;
    private String note;

    protected Reservation() {
    }

    public Reservation(ChargePoint chargePoint, int connectorId, String idTag, String parentIdTag,
                       OffsetDateTime expiryDate, String requestedBy, OffsetDateTime now) {
        this.chargePoint = chargePoint;
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.parentIdTag = parentIdTag;
        this.expiryDate = expiryDate;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.status = PENDING;
        this.statusAt = now;
    }

    public boolean mayHold() {
        return MAY_HOLD.contains(status);
    }

    /** The answer to ReserveNow (an answer status, or Error, NoAnswer, NotConnected), unless it ended meanwhile. */
    public void reserveAnswered(long commandId, String status, String note, OffsetDateTime now) {
        this.reserveCommandId = commandId;
        if (mayHold()) {
            // a StartTransaction may have used it before the answer was recorded: Used stays
            setStatus(status, now);
            this.note = note;
        }
    }

    /** The answer to CancelReservation: Accepted cancels it, anything else is only noted. */
    public void cancelAnswered(long commandId, String cancelStatus, String cancelledBy, String note,
                               OffsetDateTime now) {
        this.cancelCommandId = commandId;
        this.cancelStatus = cancelStatus;
        this.cancelledBy = cancelledBy;
        this.note = note;
        if (ACCEPTED.equals(cancelStatus) && mayHold()) {
            setStatus(CANCELLED, now);
        }
    }

    public void used(int transactionId, String note, OffsetDateTime now) {
        this.transactionId = transactionId;
        this.note = note;
        setStatus(USED, now);
    }

    private void setStatus(String status, OffsetDateTime now) {
        this.status = status;
        this.statusAt = now;
    }

    public Integer getId() { return id; }
    public ChargePoint getChargePoint() { return chargePoint; }
    public int getConnectorId() { return connectorId; }
    public String getIdTag() { return idTag; }
    public String getParentIdTag() { return parentIdTag; }
    public OffsetDateTime getExpiryDate() { return expiryDate; }
    public String getStatus() { return status; }
    public OffsetDateTime getStatusAt() { return statusAt; }
    public String getRequestedBy() { return requestedBy; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public Long getReserveCommandId() { return reserveCommandId; }
    public Integer getTransactionId() { return transactionId; }
    public String getCancelStatus() { return cancelStatus; }
    public Long getCancelCommandId() { return cancelCommandId; }
    public String getCancelledBy() { return cancelledBy; }
    public String getNote() { return note; }
}
