package org.opencsms.cms.site.boundary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.ActivityView;
import org.opencsms.api.cms.Overview;
import org.opencsms.api.cms.Overview.DailyEnergy;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.cms.SiteOverview;
import org.opencsms.cms.activity.entity.Activity;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/**
 * The dashboard's numbers, each one aggregate query: nothing is loaded to be counted in Java. A charge
 * point counts as connected as {@code ChargePointView.connected} says: a recorded session on a gateway node
 * heard from within CSMS_NODE_STALE_AFTER. Active transactions are those not stopped yet (what the
 * transaction search with active=true lists). Energy per day: meterStop - meterStart of the transactions
 * whose stop timestamp (the charge point's) falls in that calendar day of the zone asked for.
 */
@Stateless
public class SiteOverviewService implements SiteOverview {
    static final int DAYS = 7;
    static final String UNKNOWN = "Unknown";

    private static final String REGISTERED = "select count(c) from ChargePoint c";
    private static final String CONNECTED = "select count(c) from ChargePoint c, GatewayNode n "
            + "where c.sessionId is not null and n.nodeId = c.sessionNode and n.lastSeen > :since";
    private static final String FAULTED = "select count(distinct k.chargePoint.id) from Connector k "
            + "where k.status = 'Faulted'";
    private static final String CONNECTORS_BY_STATUS = "select k.status, count(k) from Connector k "
            + "where k.connectorId > 0 group by k.status";
    private static final String ACTIVE = "select count(t) from ChargingTransaction t where t.stopTimestamp is null";
    private static final String ENERGY = "select sum(t.meterStop - t.meterStart) from ChargingTransaction t "
            + "where t.stopTimestamp >= :from and t.stopTimestamp < :to";

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Override
    public Overview overview(ZoneId zone) {
        ZoneId z = zone == null ? ZoneOffset.UTC : zone;
        OffsetDateTime now = Times.now();
        long registered = count(em.createQuery(REGISTERED).getSingleResult());
        long connected = count(em.createQuery(CONNECTED)
                .setParameter("since", now.minusSeconds(Settings.nodeStaleAfter())).getSingleResult());
        long faulted = count(em.createQuery(FAULTED).getSingleResult());
        Map<String, Long> byStatus = new TreeMap<>();
        for (Object row : em.createQuery(CONNECTORS_BY_STATUS).getResultList()) {
            Object[] columns = (Object[]) row;
            String status = columns[0] == null ? UNKNOWN : (String) columns[0];
            byStatus.merge(status, count(columns[1]), Long::sum);
        }
        long active = count(em.createQuery(ACTIVE).getSingleResult());
        List<DailyEnergy> days = new ArrayList<>(DAYS);
        LocalDate today = now.atZoneSameInstant(z).toLocalDate();
        for (LocalDate day = today.minusDays(DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            // the day's bounds in the zone (23 or 25 hours on a daylight saving change), as instants
            OffsetDateTime from = Times.utc(day.atStartOfDay(z).toInstant());
            OffsetDateTime to = Times.utc(day.plusDays(1).atStartOfDay(z).toInstant());
            days.add(new DailyEnergy(day, count(em.createQuery(ENERGY).setParameter("from", from)
                    .setParameter("to", to).getSingleResult())));
        }
        return new Overview(registered, connected, faulted, Collections.unmodifiableMap(byStatus), active,
                days.get(days.size() - 1).energyWh(), List.copyOf(days));
    }

    @Override
    public List<ActivityView> latestActivity(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return em.createNamedQuery(Activity.LATEST, Activity.class).setMaxResults(Math.min(limit, Paging.MAX_LIMIT))
                .getResultStream()
                .map(a -> new ActivityView(a.getId(), Times.instant(a.getAt()), a.getChargePointId(), a.getKind(),
                        a.getDetail()))
                .toList();
    }

    @Override
    public long lastActivityId() {
        return count(em.createNamedQuery(Activity.LAST_ID).getSingleResult());
    }

    /** A count or sum as the database answers it (Long, Integer or BigDecimal); null, for no rows, is 0. */
    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
