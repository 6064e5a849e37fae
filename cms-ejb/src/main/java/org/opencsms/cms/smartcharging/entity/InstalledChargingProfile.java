package org.opencsms.cms.smartcharging.entity;

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

/** A stored profile a charge point accepted on a connector (SetChargingProfile answered Accepted). */
@Entity
@Table(name = "installed_charging_profile")
@NamedQuery(name = InstalledChargingProfile.OF_CHARGE_POINT, query = "select i from InstalledChargingProfile i "
        + "where i.chargePoint = :cp order by i.connectorId, i.purpose, i.stackLevel, i.profileId")
@NamedQuery(name = InstalledChargingProfile.COUNT_OF_PROFILE, query = "select count(i) from InstalledChargingProfile i "
        + "where i.profileId = :profileId")
public class InstalledChargingProfile {
    public static final String OF_CHARGE_POINT = "InstalledChargingProfile.ofChargePoint";
    public static final String COUNT_OF_PROFILE = "InstalledChargingProfile.countOfProfile";

    @Id
    @SequenceGenerator(name = "installed_charging_profile_seq", sequenceName = "installed_charging_profile_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "installed_charging_profile_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    @Column(name = "connector_id", nullable = false)
    private int connectorId;
    @Column(name = "profile_id", nullable = false)
    private int profileId;
    @Column(nullable = false)
    private String purpose;
    @Column(name = "stack_level", nullable = false)
    private int stackLevel;
    @Column(name = "transaction_id")
    private Integer transactionId;
    @Column(name = "installed_at", nullable = false)
    private OffsetDateTime installedAt;
    @Column(name = "command_id", nullable = false)
    private long commandId;

    protected InstalledChargingProfile() {
    }

    public InstalledChargingProfile(ChargePoint chargePoint, Placement placement, long commandId, OffsetDateTime now) {
        this.chargePoint = chargePoint;
        this.connectorId = placement.connectorId();
        this.profileId = placement.profileId();
        this.purpose = placement.purpose();
        this.stackLevel = placement.stackLevel();
        this.transactionId = placement.transactionId();
        this.commandId = commandId;
        this.installedAt = now;
    }

    public Placement placement() {
        return new Placement(profileId, connectorId, purpose, stackLevel, transactionId);
    }

    public OffsetDateTime getInstalledAt() { return installedAt; }
    public long getCommandId() { return commandId; }
}
