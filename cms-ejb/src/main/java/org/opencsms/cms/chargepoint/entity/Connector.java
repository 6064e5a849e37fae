package org.opencsms.cms.chargepoint.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A connector of a charge point; connectorId 0 stands for the charge point as a whole. */
@Entity
@Table(name = "connector")
public class Connector {
    @Id
    @SequenceGenerator(name = "connector_seq", sequenceName = "connector_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "connector_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    @Column(name = "connector_id")
    private int connectorId;
    private String status;
    @Column(name = "error_code")
    private String errorCode;
    private String info;
    @Column(name = "vendor_id")
    private String vendorId;
    @Column(name = "vendor_error_code")
    private String vendorErrorCode;
    @Column(name = "status_time")
    private OffsetDateTime statusTime;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    protected Connector() {
    }

    Connector(ChargePoint chargePoint, int connectorId, OffsetDateTime now) {
        this.chargePoint = chargePoint;
        this.connectorId = connectorId;
        this.updatedAt = now;
    }

    /**
     * Applies a status report unless a later one was applied already: events are consumed by
     * competing listeners, so an older report may arrive after a newer one.
     *
     * @return whether the report was applied
     */
    public boolean report(String status, String errorCode, String info, String vendorId, String vendorErrorCode,
                          OffsetDateTime at, OffsetDateTime now) {
        if (statusTime != null && at.isBefore(statusTime)) {
            return false;
        }
        this.status = status;
        this.errorCode = errorCode;
        this.info = info;
        this.vendorId = vendorId;
        this.vendorErrorCode = vendorErrorCode;
        this.statusTime = at;
        this.updatedAt = now;
        return true;
    }

    public int getConnectorId() { return connectorId; }
    public String getStatus() { return status; }
    public String getErrorCode() { return errorCode; }
    public String getInfo() { return info; }
    public OffsetDateTime getStatusTime() { return statusTime; }
}
