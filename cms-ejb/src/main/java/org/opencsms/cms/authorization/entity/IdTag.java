package org.opencsms.cms.authorization.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "id_tag")
@NamedQuery(name = IdTag.BY_TAG, query = "select t from IdTag t where t.idTagKey = :key")
@NamedQuery(name = IdTag.ALL, query = "select t from IdTag t order by t.idTag")
public class IdTag {
    public static final String BY_TAG = "IdTag.byTag";
    public static final String ALL = "IdTag.all";
    public static final String ACCEPTED = "Accepted";
    public static final String BLOCKED = "Blocked";

    @Id
    @SequenceGenerator(name = "id_tag_seq", sequenceName = "id_tag_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "id_tag_seq")
    private Long id;
    @Column(name = "id_tag", nullable = false, updatable = false)
    private String idTag;
    @Column(name = "id_tag_key", nullable = false, updatable = false)
    private String idTagKey;
    private String status;
    @Column(name = "expiry_date")
    private OffsetDateTime expiryDate;
    @Column(name = "parent_id_tag")
    private String parentIdTag;
    @Column(name = "allow_concurrent_tx")
    private boolean allowConcurrentTx;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected IdTag() {
    }

    public IdTag(String idTag, OffsetDateTime now) {
        this.idTag = idTag;
        this.idTagKey = key(idTag);
        this.createdAt = now;
    }

    public void update(String status, OffsetDateTime expiryDate, String parentIdTag, boolean allowConcurrentTx) {
        this.status = status;
        this.expiryDate = expiryDate;
        this.parentIdTag = parentIdTag;
        this.allowConcurrentTx = allowConcurrentTx;
    }

    /** OCPP 1.6: "IdToken is case insensitive". */
    public static String key(String idTag) {
        return idTag.toUpperCase(java.util.Locale.ROOT);
    }

    public boolean isExpired(OffsetDateTime now) {
        return expiryDate != null && !expiryDate.isAfter(now);
    }

    public String getIdTag() { return idTag; }
    public String getStatus() { return status; }
    public OffsetDateTime getExpiryDate() { return expiryDate; }
    public String getParentIdTag() { return parentIdTag; }
    public boolean isAllowConcurrentTx() { return allowConcurrentTx; }
}
