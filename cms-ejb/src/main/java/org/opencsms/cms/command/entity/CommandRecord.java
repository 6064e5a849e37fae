package org.opencsms.cms.command.entity;

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

/** A command sent to a charge point: who asked, when, what, and the answer. */
@Entity
@Table(name = "charger_command")
@NamedQuery(name = CommandRecord.OF_CHARGE_POINT, query = "select c from CommandRecord c "
        + "where c.chargePoint = :cp order by c.id desc")
@NamedQuery(name = CommandRecord.EXPIRE_OPEN, query = "update CommandRecord c set c.outcome = :outcome, "
        + "c.errorDescription = :description, c.completedAt = :now where c.outcome is null and c.requestedAt < :cutoff")
public class CommandRecord {
    public static final String OF_CHARGE_POINT = "CommandRecord.ofChargePoint";
    public static final String EXPIRE_OPEN = "CommandRecord.expireOpen";

    @Id
    @SequenceGenerator(name = "charger_command_seq", sequenceName = "charger_command_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "charger_command_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    private String action;
    private String payload;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;
    @Column(name = "node_id")
    private String nodeId;
    private String outcome;
    private String response;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_description")
    private String errorDescription;
    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    protected CommandRecord() {
    }

    public CommandRecord(ChargePoint chargePoint, String action, String payload, String requestedBy,
                                String nodeId, OffsetDateTime requestedAt) {
        this.chargePoint = chargePoint;
        this.action = action;
        this.payload = payload;
        this.requestedBy = requestedBy;
        this.nodeId = nodeId;
        this.requestedAt = requestedAt;
    }

    /** The first answer recorded stays. */
    public void complete(String outcome, String response, String errorCode, String errorDescription,
                         OffsetDateTime at) {
        if (this.outcome != null) {
            return;
        }
        this.outcome = outcome;
        this.response = response;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription == null || errorDescription.length() <= 1000
                ? errorDescription : errorDescription.substring(0, 1000);
        this.completedAt = at;
    }

    public Long getId() { return id; }
    public ChargePoint getChargePoint() { return chargePoint; }
    public String getAction() { return action; }
    public String getPayload() { return payload; }
    public String getRequestedBy() { return requestedBy; }
    public OffsetDateTime getRequestedAt() { return requestedAt; }
    public String getNodeId() { return nodeId; }
    public String getOutcome() { return outcome; }
    public String getResponse() { return response; }
    public String getErrorCode() { return errorCode; }
    public String getErrorDescription() { return errorDescription; }
    public OffsetDateTime getCompletedAt() { return completedAt; }
}
