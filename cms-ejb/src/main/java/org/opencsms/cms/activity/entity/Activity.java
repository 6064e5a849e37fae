package org.opencsms.cms.activity.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One row of the activity feed. Read only through JPA: rows are inserted by {@code ActivityLog} with the
 * id the database gives them (an identity column), so that ids follow the order of insertion on every node.
 */
@Entity
@Table(name = "activity")
@NamedQuery(name = Activity.LATEST, query = "select a from Activity a order by a.id desc")
@NamedQuery(name = Activity.LAST_ID, query = "select max(a.id) from Activity a")
@NamedQuery(name = Activity.DELETE_BEFORE, query = "delete from Activity a where a.at < :before")
public class Activity {
    public static final String LATEST = "Activity.latest";
    public static final String LAST_ID = "Activity.lastId";
    public static final String DELETE_BEFORE = "Activity.deleteBefore";
    /** The detail is cut to this many characters (the column's size). */
    public static final int MAX_DETAIL = 500;

    @Id
    private Long id;
    @Column(nullable = false)
    private OffsetDateTime at;
    @Column(name = "charge_point_id", nullable = false)
    private String chargePointId;
    @Column(nullable = false)
    private String kind;
    private String detail;

    protected Activity() {
    }

    public Long getId() { return id; }
    public OffsetDateTime getAt() { return at; }
    public String getChargePointId() { return chargePointId; }
    public String getKind() { return kind; }
    public String getDetail() { return detail; }
}
