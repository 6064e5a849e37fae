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

import org.opencsms.cms.chargepoint.entity.ChargePoint;

/**
 * One sampled value. Its identity is (charge point, connector, time, measurand, phase, location,
 * context, format, unit): the same sample reported twice is stored once, and a signed copy of a raw
 * reading is kept beside it.
 */
@Entity
@Table(name = "meter_value")
@NamedQuery(name = MeterReading.OF_TRANSACTION, query = "select m from MeterReading m where m.transaction.id = :tx "
        + "order by m.sampledAt, m.measurand, m.phase, m.location, m.context")
// the energy register readings of a transaction, newest first (an operator's close takes the last one)
@NamedQuery(name = MeterReading.ENERGY_OF_TRANSACTION, query = "select m from MeterReading m where m.transaction.id = :tx "
        + "and m.measurand = 'Energy.Active.Import.Register' and m.format = 'Raw' order by m.sampledAt desc, m.id desc")
public class MeterReading {
    public static final String OF_TRANSACTION = "MeterReading.ofTransaction";
    public static final String ENERGY_OF_TRANSACTION = "MeterReading.energyOfTransaction";

    @Id
    @SequenceGenerator(name = "meter_value_seq", sequenceName = "meter_value_seq", allocationSize = 1000)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "meter_value_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    @Column(name = "connector_id")
    private int connectorId;
    @ManyToOne
    @JoinColumn(name = "transaction_id")
    private ChargingTransaction transaction;
    @Column(name = "sampled_at")
    private OffsetDateTime sampledAt;
    @Column(name = "sample_value")
    private String value;
    private String measurand;
    /** '' when the sample has no phase: unique constraints treat NULLs as distinct. */
    private String phase;
    private String unit;
    private String context;
    private String location;
    private String format;
    @Column(name = "received_at")
    private OffsetDateTime receivedAt;

    protected MeterReading() {
    }

    public MeterReading(ChargePoint chargePoint, int connectorId, ChargingTransaction transaction,
                      OffsetDateTime sampledAt, String value, String measurand, String phase, String unit,
                      String context, String location, String format, OffsetDateTime receivedAt) {
        this.chargePoint = chargePoint;
        this.connectorId = connectorId;
        this.transaction = transaction;
        this.sampledAt = sampledAt;
        this.value = value;
        this.measurand = measurand;
        this.phase = phase == null ? "" : phase;
        this.unit = unit;
        this.context = context;
        this.location = location;
        this.format = format;
        this.receivedAt = receivedAt;
    }

    /** The identity of a sample among those of one connector (the columns of meter_value_uk). */
    public record Key(java.time.Instant sampledAt, String measurand, String phase, String location, String context,
                      String format, String unit) {
    }

    public Key key() {
        return new Key(sampledAt.toInstant(), measurand, phase, location, context, format, unit);
    }

    public ChargingTransaction getTransaction() { return transaction; }
    public Long getChargePointId() { return chargePoint.getId(); }
    public int getConnectorId() { return connectorId; }
    public OffsetDateTime getSampledAt() { return sampledAt; }
    public String getValue() { return value; }
    public String getMeasurand() { return measurand; }
    public String getPhase() { return phase.isEmpty() ? null : phase; }
    public String getUnit() { return unit; }
    public String getContext() { return context; }
    public String getLocation() { return location; }
    public String getFormat() { return format; }
    public OffsetDateTime getReceivedAt() { return receivedAt; }
}
