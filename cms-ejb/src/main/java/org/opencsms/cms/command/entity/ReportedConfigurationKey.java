package org.opencsms.cms.command.entity;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A configuration key as a charge point last reported it in a GetConfiguration answer. */
@Entity
@Table(name = "configuration_key")
@IdClass(ReportedConfigurationKey.ConfigurationKeyId.class)
@NamedQuery(name = ReportedConfigurationKey.OF_CHARGE_POINT, query = "select k from ReportedConfigurationKey k "
        + "where k.chargePointId = :cp order by k.key")
@NamedQuery(name = ReportedConfigurationKey.CLEAR, query = "delete from ReportedConfigurationKey k "
        + "where k.chargePointId = :cp")
public class ReportedConfigurationKey {
    public static final String OF_CHARGE_POINT = "ReportedConfigurationKey.ofChargePoint";
    public static final String CLEAR = "ReportedConfigurationKey.clear";

    @Id
    @Column(name = "charge_point_id")
    private Long chargePointId;
    @Id
    @Column(name = "config_key")
    private String key;
    @Column(name = "read_only")
    private boolean readonly;
    @Column(name = "config_value")
    private String value;
    @Column(name = "read_at")
    private OffsetDateTime readAt;
    @Column(name = "command_id")
    private long commandId;

    protected ReportedConfigurationKey() {
    }

    public ReportedConfigurationKey(Long chargePointId, String key) {
        this.chargePointId = chargePointId;
        this.key = key;
    }

    public void read(boolean readonly, String value, OffsetDateTime at, long commandId) {
        this.readonly = readonly;
        this.value = value;
        this.readAt = at;
        this.commandId = commandId;
    }

    public String getKey() { return key; }
    public boolean isReadonly() { return readonly; }
    public String getValue() { return value; }
    public OffsetDateTime getReadAt() { return readAt; }
    public long getCommandId() { return commandId; }

    /** The composite primary key. */
    public static class ConfigurationKeyId implements Serializable {
        private Long chargePointId;
        private String key;

        public ConfigurationKeyId() {
        }

        public ConfigurationKeyId(Long chargePointId, String key) {
            this.chargePointId = chargePointId;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ConfigurationKeyId k && Objects.equals(chargePointId, k.chargePointId)
                    && Objects.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargePointId, key);
        }
    }
}
