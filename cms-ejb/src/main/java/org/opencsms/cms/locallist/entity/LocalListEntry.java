package org.opencsms.cms.locallist.entity;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A tag on a charge point's local list, with the idTagInfo the charge point holds for it. */
@Entity
@Table(name = "local_list_entry")
@IdClass(LocalListEntry.EntryKey.class)
@NamedQuery(name = LocalListEntry.OF_CHARGE_POINT, query = "select e from LocalListEntry e "
        + "where e.chargePointId = :cp order by e.idTagKey")
@NamedQuery(name = LocalListEntry.COUNT, query = "select count(e) from LocalListEntry e where e.chargePointId = :cp")
@NamedQuery(name = LocalListEntry.CLEAR, query = "delete from LocalListEntry e where e.chargePointId = :cp")
public class LocalListEntry {
    public static final String OF_CHARGE_POINT = "LocalListEntry.ofChargePoint";
    public static final String COUNT = "LocalListEntry.count";
    public static final String CLEAR = "LocalListEntry.clear";

    @Id
    @Column(name = "charge_point_id")
    private Long chargePointId;
    @Id
    @Column(name = "id_tag_key")
    private String idTagKey;
    @Column(name = "id_tag")
    private String idTag;
    private String status;
    @Column(name = "expiry_date")
    private OffsetDateTime expiryDate;
    @Column(name = "parent_id_tag")
    private String parentIdTag;

    protected LocalListEntry() {
    }

    public LocalListEntry(Long chargePointId, String idTagKey, String idTag, String status, OffsetDateTime expiryDate,
                          String parentIdTag) {
        this.chargePointId = chargePointId;
        this.idTagKey = idTagKey;
        this.idTag = idTag;
        update(idTag, status, expiryDate, parentIdTag);
    }

    public void update(String idTag, String status, OffsetDateTime expiryDate, String parentIdTag) {
        this.idTag = idTag;
        this.status = status;
        this.expiryDate = expiryDate;
        this.parentIdTag = parentIdTag;
    }

    public String getIdTagKey() { return idTagKey; }
    public String getIdTag() { return idTag; }
    public String getStatus() { return status; }
    public OffsetDateTime getExpiryDate() { return expiryDate; }
    public String getParentIdTag() { return parentIdTag; }

    /** The composite primary key. */
    public static class EntryKey implements Serializable {
        private Long chargePointId;
        private String idTagKey;

        public EntryKey() {
        }

        public EntryKey(Long chargePointId, String idTagKey) {
            this.chargePointId = chargePointId;
            this.idTagKey = idTagKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof EntryKey k && Objects.equals(chargePointId, k.chargePointId)
                    && Objects.equals(idTagKey, k.idTagKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargePointId, idTagKey);
        }
    }
}
