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

/** A DataTransfer a charge point sent, with the status it was answered with. */
@Entity
@Table(name = "data_transfer")
public class DataTransferRecord {
    @Id
    @SequenceGenerator(name = "data_transfer_seq", sequenceName = "data_transfer_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "data_transfer_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    @Column(name = "vendor_id")
    private String vendorId;
    @Column(name = "message_id")
    private String messageId;
    private String data;
    private String status;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    protected DataTransferRecord() {
    }

    public DataTransferRecord(ChargePoint chargePoint, String vendorId, String messageId, String data, String status,
                              OffsetDateTime receivedAt) {
        this.chargePoint = chargePoint;
        this.vendorId = vendorId;
        this.messageId = messageId;
        this.data = data;
        this.status = status;
        this.receivedAt = receivedAt;
    }

    public String getVendorId() { return vendorId; }
    public String getMessageId() { return messageId; }
    public String getData() { return data; }
    public String getStatus() { return status; }
}
