package org.opencsms.cms.activity.boundary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.cms.activity.entity.Activity;
import org.opencsms.cms.platform.SchemaMigration;
import org.opencsms.cms.platform.Times;

/**
 * Writes the activity feed. A row is written in the transaction of the change it reports, so that it
 * exists exactly when the change does: the callers write one only when their operation really changed
 * something (a redelivered event that changes nothing adds no row). The table is kept to
 * {@link #KEPT} by an hourly sweep.
 */
@Stateless
public class ActivityLog {
    private static final Logger LOG = Logger.getLogger(ActivityLog.class.getName());
    /** How long rows are kept. */
    public static final Duration KEPT = Duration.ofDays(30);
    /** The id is the database's (identity column): it orders the rows as they were inserted, on every node. */
    private static final String INSERT = "insert into activity (at, charge_point_id, kind, detail) values (?1, ?2, ?3, ?4)";

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    /** Records an activity in the caller's transaction; the detail cut to {@value Activity#MAX_DETAIL} characters. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(String chargePointId, ActivityKind kind, String detail, OffsetDateTime at) {
        em.createNativeQuery(INSERT)
                .setParameter(1, at == null ? Times.now() : at)
                .setParameter(2, chargePointId)
                .setParameter(3, kind.label())
                .setParameter(4, cut(detail))
                .executeUpdate();
    }

    /** Deletes the rows older than {@code before}; how many. */
    public int deleteBefore(OffsetDateTime before) {
        return em.createNamedQuery(Activity.DELETE_BEFORE).setParameter("before", before).executeUpdate();
    }

    @Schedule(hour = "*", minute = "23", persistent = false)
    void expire() {
        if (!SchemaMigration.migrated()) {
            return;
        }
        try {
            int deleted = deleteBefore(Times.now().minus(KEPT));
            if (deleted > 0) {
                LOG.fine(() -> deleted + " activity row(s) older than " + KEPT.toDays() + " days deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete old activity rows (database unavailable?)", e);
        }
    }

    /** At most {@value Activity#MAX_DETAIL} characters, never cutting a surrogate pair in two; never null. */
    static String cut(String detail) {
        if (detail == null) {
            return "";
        }
        if (detail.length() <= Activity.MAX_DETAIL) {
            return detail;
        }
        int end = Character.isHighSurrogate(detail.charAt(Activity.MAX_DETAIL - 1)) ? Activity.MAX_DETAIL - 1
                : Activity.MAX_DETAIL;
        return detail.substring(0, end);
    }
}
