package org.opencsms.cms.locallist.entity;

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

import org.opencsms.cms.chargepoint.entity.ChargePoint;

/** A SendLocalList or GetLocalListVersion sent to a charge point, and its answer. */
@Entity
@Table(name = "local_list_update")
@NamedQuery(name = LocalListUpdate.OF_CHARGE_POINT, query = "select u from LocalListUpdate u "
        + "where u.chargePoint = :cp order by u.requestedAt desc, u.id desc")
@NamedQuery(name = LocalListUpdate.CONFIRMED, query = "select u from LocalListUpdate u "
        + "where u.chargePoint = :cp and u.confirmed = true order by u.completedAt desc, u.id desc")
@NamedQuery(name = LocalListUpdate.HIGHEST_VERSION, query = "select max(u.listVersion) from LocalListUpdate u "
        + "where u.chargePoint = :cp")
public class LocalListUpdate {
    public static final String OF_CHARGE_POINT = "LocalListUpdate.ofChargePoint";
    public static final String CONFIRMED = "LocalListUpdate.confirmed";
    public static final String HIGHEST_VERSION = "LocalListUpdate.highestVersion";
    public static final String SEND = "SendLocalList";
    public static final String GET_VERSION = "GetLocalListVersion";

    @Id
    @SequenceGenerator(name = "local_list_update_seq", sequenceName = "local_list_update_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "local_list_update_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    private String action;
    @Column(name = "update_type")
    private String updateType;
    @Column(name = "list_version")
    private Integer listVersion;
    private int entries;
    private int removals;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;
    @Column(name = "command_id")
    private Long commandId;
    private String outcome;
    private String status;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_description")
    private String errorDescription;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;
    private boolean confirmed;

    protected LocalListUpdate() {
    }

    public LocalListUpdate(ChargePoint chargePoint, String action, String updateType, Integer listVersion, int entries,
                           int removals, String requestedBy, OffsetDateTime requestedAt) {
        this.chargePoint = chargePoint;
        this.action = action;
        this.updateType = updateType;
        this.listVersion = listVersion;
        this.entries = entries;
        this.removals = removals;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public boolean isOpen() {
        return outcome == null;
    }

    /** The command's outcome; {@code status} the charge point's answer, if it gave one. */
    public void complete(Long commandId, String outcome, String status, String errorCode, String errorDescription,
                         OffsetDateTime at) {
        this.commandId = commandId;
        this.outcome = outcome;
        this.status = status;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription == null || errorDescription.length() <= 1000
                ? errorDescription : errorDescription.substring(0, 1000);
        this.completedAt = at;
    }

    /** The charge point holds {@code version} since now. */
    public void confirm(Integer version) {
        this.listVersion = version;
        this.confirmed = true;
    }

    public Long getId() { return id; }
    public ChargePoint getChargePoint() { return chargePoint; }
    public String getAction() { return action; }
    public String getUpdateType() { return updateType; }
    public Integer getListVersion() { return listVersion; }
    public int getEntries() { return entries; }
    public int getRemovals() { return removals; }
    public String getRequestedBy() { return requestedBy; }
    public OffsetDateTime getRequestedAt() { return requestedAt; }
    public Long getCommandId() { return commandId; }
    public String getOutcome() { return outcome; }
    public String getStatus() { return status; }
    public String getErrorCode() { return errorCode; }
    public String getErrorDescription() { return errorDescription; }
    public OffsetDateTime getCompletedAt() { return completedAt; }
    public boolean isConfirmed() { return confirmed; }
}
