package org.opencsms.cms.transaction.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opencsms.api.cms.MeterValueView;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.cms.TransactionDetail;
import org.opencsms.api.cms.TransactionFilter;
import org.opencsms.api.cms.TransactionQueries;
import org.opencsms.api.cms.TransactionView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.TransactionClosing;
import org.opencsms.api.cms.TransactionRepairs;
import org.opencsms.api.messaging.TagAuthorization;
import org.opencsms.api.messaging.MeterSample;
import org.opencsms.cms.activity.boundary.ActivityKind;
import org.opencsms.cms.activity.boundary.ActivityLog;
import org.opencsms.cms.authorization.boundary.IdTagService;
import org.opencsms.cms.authorization.entity.IdTag;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.smartcharging.boundary.InstalledProfiles;
import org.opencsms.cms.transaction.entity.ChargingTransaction;
import org.opencsms.cms.platform.Times;
import org.opencsms.cms.reservation.boundary.ReservationRecords;
import org.opencsms.cms.transaction.entity.MeterReading;

/**
 * Transactions and meter values as charge points report them. Every method locks the charge point's row,
 * so the reports of one charge point are applied one after the other, and is safe to repeat: a charge point
 * that lost our answer and a broker that redelivers both lead to the same single record. A recorded start
 * and a recorded stop are written to the activity feed in the same transaction, a repeat of them not.
 */
// also a no-interface view: the message listeners call more than the business interface offers
@LocalBean
@Stateless
public class TransactionService implements TransactionQueries, TransactionRepairs {
    private static final Logger LOG = Logger.getLogger(TransactionService.class.getName());

    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;
    @EJB
    IdTagService idTags;
    @EJB
    ActivityLog activityLog;
    @EJB
    InstalledProfiles installedProfiles;
    @EJB
    ReservationRecords reservations;
    @jakarta.inject.Inject
    org.opencsms.cms.transaction.control.MeterValueInserts inserts;

    /**
     * Always answers with a transactionId and an idTagInfo, also for an unknown or refused tag
     * (OCPP 1.6: StartTransaction.conf is never an error, or the charge point retries forever).
     */
    public TransactionStarted start(StartReport request) {
        Optional<ChargePoint> found = chargePoints.lockByIdentity(request.chargePointId());
        if (found.isEmpty()) {
            LOG.warning(() -> "StartTransaction from unregistered charge point " + request.chargePointId()
                    + ": answered Invalid with transaction " + UNRECORDED_TRANSACTION_ID + " (none recorded)");
            return new TransactionStarted(UNRECORDED_TRANSACTION_ID, TagAuthorization.invalid());
        }
        ChargePoint cp = found.get();
        OffsetDateTime timestamp = Times.utc(request.timestamp());
        Optional<ChargingTransaction> same = em.createNamedQuery(ChargingTransaction.SAME_START, ChargingTransaction.class)
                .setParameter("cp", cp).setParameter("connector", request.connectorId())
                .setParameter("idTag", request.idTag()).setParameter("timestamp", timestamp)
                .setParameter("meterStart", request.meterStart())
                .getResultStream().findFirst();
        if (same.isPresent()) {
            ChargingTransaction tx = same.get();
            LOG.info(() -> "Repeated StartTransaction from " + request.chargePointId() + ": answered with transaction "
                    + tx.getId() + " again");
            TagAuthorization current = idTags.authorize(request.idTag());
            return new TransactionStarted(tx.getId(), new TagAuthorization(
                    TagAuthorization.Verdict.valueOf(tx.getStartStatus()), current.expiryDate(), current.parentIdTag()));
        }
        TagAuthorization info = authorizeStart(request.idTag());
        ChargingTransaction tx = new ChargingTransaction(cp, request.connectorId(), request.idTag(),
                info.status().name(), request.meterStart(), timestamp, request.reservationId(),
                Times.utc(request.receivedAt()));
        em.persist(tx);
        em.flush();
        cp.seen(Times.utc(request.receivedAt()));
        activityLog.record(cp.getIdentity(), ActivityKind.TRANSACTION_STARTED, "transaction " + tx.getId()
                + " on connector " + tx.getConnectorId() + ", tag " + tx.getIdTag(), Times.utc(request.receivedAt()));
        if (request.reservationId() != null) {
            // OCPP 1.6 StartTransaction.req: reservationId is present when the transaction uses a reservation
            reservations.use(cp, request.reservationId(), request.connectorId(), request.idTag(), tx.getId());
        }
        return new TransactionStarted(tx.getId(), info);
    }

    /**
     * The tag's authorization for a start: as {@link IdTagService#authorize}, and ConcurrentTx when the
     * tag allows one transaction at a time and has an active one (the tag's row then stays locked until
     * this transaction ends).
     */
    public TagAuthorization authorizeStart(String idTag) {
        return idTags.authorizeStart(idTag, key -> em.createNamedQuery(ChargingTransaction.ACTIVE_OF_TAG, Long.class)
                .setParameter("key", key).getSingleResult());
    }

    /**
     * Always answered: an unknown or already stopped transaction is logged, never an error (else the
     * charge point retries forever). The first stop report wins; a repeated identical one only adds meter
     * values that were missing.
     */
    public TransactionStopped stop(StopReport request) {
        TagAuthorization info = request.idTag() == null ? null : idTags.authorize(request.idTag());
        Optional<ChargePoint> found = chargePoints.lockByIdentity(request.chargePointId());
        Optional<ChargingTransaction> tx = found.flatMap(cp -> Optional
                .ofNullable(em.find(ChargingTransaction.class, request.transactionId()))
                .filter(t -> t.getChargePoint().getId().equals(cp.getId())));
        if (tx.isEmpty()) {
            LOG.warning(() -> "StopTransaction from " + request.chargePointId() + " for unknown transaction "
                    + request.transactionId() + " (meterStop " + request.meterStop() + " at " + request.timestamp()
                    + ", " + (request.transactionData() == null ? 0 : request.transactionData().size())
                    + " meter values) answered and not recorded");
            return new TransactionStopped(info);
        }
        ChargingTransaction t = tx.get();
        OffsetDateTime timestamp = Times.utc(request.timestamp());
        if (!t.isStopped()) {
            t.stop(request.meterStop(), timestamp, request.reason() == null ? "Local" : request.reason(),
                    request.idTag(), Times.utc(request.receivedAt()));
            activityLog.record(t.getChargePoint().getIdentity(), ActivityKind.TRANSACTION_STOPPED, "transaction "
                    + t.getId() + ", " + t.energyWh() + " Wh", Times.utc(request.receivedAt()));
            // OCPP 1.6 smart charging: a TxProfile ends with its transaction
            installedProfiles.transactionEnded(t.getChargePoint(), t.getConnectorId(), t.getId());
        } else if (t.isClosedByOperator()) {
            // the operator's close stays; what the charge point measured is kept with the transaction
            LOG.warning(() -> "Transaction " + t.getId() + " of " + request.chargePointId() + " was closed by "
                    + t.getClosedBy() + " at " + t.getClosedAt() + " (meterStop " + t.getMeterStop() + "); the charge "
                    + "point's stop report (meterStop " + request.meterStop() + " at " + request.timestamp() + ", reason "
                    + request.reason() + ") was answered and its meter values stored, the close left as it is");
        } else if (!t.isSameStop(request.meterStop(), timestamp)) {
            LOG.warning(() -> "Transaction " + t.getId() + " of " + request.chargePointId() + " was stopped already "
                    + "(meterStop " + t.getMeterStop() + " at " + t.getStopTimestamp() + "); a different stop report "
                    + "(meterStop " + request.meterStop() + " at " + request.timestamp() + ") was ignored");
            return new TransactionStopped(info);
        }
        record(t.getChargePoint(), t.getConnectorId(), t, request.transactionData(), request.receivedAt());
        t.getChargePoint().seen(Times.utc(request.receivedAt()));
        return new TransactionStopped(info);
    }

    /**
     * As documented: stopped now with the given meterStop (else the last energy register reading recorded for
     * it, else its meterStart) and reason (else Other); written to the activity feed.
     */
    @Override
    public TransactionDetail close(int transactionId, TransactionClosing closing, String closedBy) {
        ChargingTransaction found = em.find(ChargingTransaction.class, transactionId);
        if (found == null) {
            throw new CmsException(Reason.NOT_FOUND, "no transaction " + transactionId);
        }
        TransactionClosing c = closing == null ? new TransactionClosing(null, null) : closing;
        List<String> violations = new java.util.ArrayList<>();
        if (c.meterStop() != null && c.meterStop() < 0) {
            violations.add("meterStop must not be negative");
        }
        String reason = c.reason() == null ? STOP_REASON_OTHER : c.reason();
        if (!STOP_REASONS.contains(reason)) {
            violations.add("reason must be one of " + STOP_REASONS);
        }
        if (!violations.isEmpty()) {
            throw new CmsException(Reason.INVALID, "invalid close of transaction " + transactionId, violations);
        }
        // as every report of the charge point: its row locked, then the transaction read as it is now
        chargePoints.lockByIdentity(found.getChargePoint().getIdentity());
        em.refresh(found);
        if (found.isStopped()) {
            throw new CmsException(Reason.CONFLICT, "transaction " + transactionId + " was stopped at "
                    + found.getStopTimestamp() + (found.isClosedByOperator() ? " by " + found.getClosedBy() : ""));
        }
        int meterStop = c.meterStop() != null ? c.meterStop() : lastRegisterWh(found).orElse(found.getMeterStart());
        OffsetDateTime now = Times.now();
        found.closeByOperator(meterStop, reason, closedBy, now);
        activityLog.record(found.getChargePoint().getIdentity(), ActivityKind.TRANSACTION_STOPPED, "transaction "
                + found.getId() + " closed by " + closedBy + ", " + found.energyWh() + " Wh", now);
        // its TxProfile ends with it, as at a StopTransaction
        installedProfiles.transactionEnded(found.getChargePoint(), found.getConnectorId(), found.getId());
        em.flush();
        return find(transactionId).orElseThrow();
    }

    /**
     * The stop reasons of OCPP 1.6 StopTransaction.req (the same as the protocol module's {@code Reason}, a test
     * checks it; the domain stays free of the protocol's types).
     */
    static final List<String> STOP_REASONS = List.of("EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other",
            "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized");
    static final String STOP_REASON_OTHER = "Other";

    /** The newest energy register reading of the transaction in Wh, preferring the total over a phase's. */
    private Optional<Integer> lastRegisterWh(ChargingTransaction t) {
        List<MeterReading> readings = em.createNamedQuery(MeterReading.ENERGY_OF_TRANSACTION, MeterReading.class)
                .setParameter("tx", t.getId()).setMaxResults(20).getResultList();
        return readings.stream().filter(m -> m.getPhase() == null)
                .map(m -> registerWh(m.getValue(), m.getUnit())).flatMap(Optional::stream).findFirst()
                .or(() -> readings.stream().map(m -> registerWh(m.getValue(), m.getUnit()))
                        .flatMap(Optional::stream).findFirst());
    }

    /** An energy register value in Wh (OCPP units Wh and kWh), empty for another unit or a value that is no number. */
    static Optional<Integer> registerWh(String value, String unit) {
        double factor;
        if (unit == null || unit.equals("Wh")) {
            factor = 1;
        } else if (unit.equals("kWh")) {
            factor = 1000;
        } else {
            return Optional.empty();
        }
        try {
            double wh = Double.parseDouble(value.trim()) * factor;
            if (Double.isNaN(wh) || wh < 0 || wh > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            return Optional.of((int) Math.round(wh));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** MeterValues.req: linked to the named transaction when it is one of this charge point's. */
    public void meterValues(MeterReport report) {
        meterValues(List.of(report));
    }

    /**
     * Many MeterValues reports in this one transaction (see {@code MeterValueWriter}): the charge
     * points and the named transactions are read with one query each, the samples stored with one
     * batch ({@link org.opencsms.cms.transaction.control.MeterValueInserts}); the charge points' rows
     * are locked for it, as every other report of a charge point does. A charge point's
     * last-seen time is written when it is more than {@value #SEEN_GRANULARITY_SECONDS} s older, not with
     * every report.
     */
    public void meterValues(List<MeterReport> reports) {
        Map<String, ChargePoint> byIdentity = new HashMap<>();
        // the rows locked in id order (no deadlock between batches): a StopTransaction of the same charge
        // point, or the same report redelivered to another node, waits for this batch and then finds its
        // samples stored, instead of inserting them at the same time
        em.createNamedQuery(ChargePoint.BY_IDENTITIES, ChargePoint.class)
                .setParameter("identities", reports.stream().map(MeterReport::chargePointId).distinct().toList())
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().forEach(cp -> byIdentity.put(cp.getIdentity(), cp));
        List<Integer> txIds = reports.stream().map(MeterReport::transactionId)
                .filter(java.util.Objects::nonNull).distinct().toList();
        Map<Integer, ChargingTransaction> transactions = new HashMap<>();
        if (!txIds.isEmpty()) {
            em.createNamedQuery(ChargingTransaction.BY_IDS, ChargingTransaction.class).setParameter("ids", txIds)
                    .getResultStream().forEach(t -> transactions.put(t.getId(), t));
        }
        List<MeterReading> rows = new java.util.ArrayList<>();
        for (MeterReport report : reports) {
            ChargePoint cp = byIdentity.get(report.chargePointId());
            if (cp == null) {
                LOG.info(() -> "MeterValues from unregistered charge point " + report.chargePointId() + " ignored");
                continue;
            }
            ChargingTransaction tx = report.transactionId() == null ? null : transactions.get(report.transactionId());
            if (tx != null && !tx.getChargePoint().getId().equals(cp.getId())) {
                tx = null;
            }
            if (report.transactionId() != null && tx == null) {
                LOG.warning(() -> "MeterValues of " + report.chargePointId() + " name unknown transaction "
                        + report.transactionId() + ": stored without it");
            }
            OffsetDateTime received = Times.utc(report.receivedAt());
            rows.addAll(samples(cp, report.connectorId(), tx, report.samples(), received));
            if (cp.getLastSeen() == null || cp.getLastSeen().isBefore(received.minusSeconds(SEEN_GRANULARITY_SECONDS))) {
                cp.seen(received);
            }
        }
        inserts.store(rows);
    }

    /**
     * The transactionId answered to an unregistered charge point's StartTransaction (with Invalid): no
     * transaction is recorded, and no id is taken from the sequence, so that charge points nobody registered
     * cannot exhaust the int32 id space. Real ids start at 50.
     */
    public static final int UNRECORDED_TRANSACTION_ID = 0;

    /** A charge point's last-seen time is kept to this many seconds on the MeterValues path. */
    static final int SEEN_GRANULARITY_SECONDS = 30;

    /** Stores the samples not stored yet; a sample stored before without a transaction gets linked. */
    private void record(ChargePoint cp, int connectorId, ChargingTransaction tx, List<MeterSample> samples,
                        Instant receivedAt) {
        inserts.store(samples(cp, connectorId, tx, samples, Times.utc(receivedAt)));
    }

    /** The rows of a report's samples; a sample repeated within the report once. */
    private static List<MeterReading> samples(ChargePoint cp, int connectorId, ChargingTransaction tx,
                                            List<MeterSample> samples, OffsetDateTime received) {
        if (samples == null || samples.isEmpty()) {
            return List.of();
        }
        Map<MeterReading.Key, MeterReading> rows = new java.util.LinkedHashMap<>();
        for (MeterSample s : samples) {
            MeterReading row = new MeterReading(cp, connectorId, tx, Times.utc(s.timestamp()), s.value(), s.measurand(),
                    s.phase(), s.unit(), s.context(), s.location(), s.format(), received);
            rows.putIfAbsent(row.key(), row);
        }
        return List.copyOf(rows.values());
    }

    @Override
    public List<TransactionView> list(String chargePointId, Boolean active, int offset, int limit) {
        return search(new TransactionFilter(chargePointId, null, active, null, null), offset, limit);
    }

    /** As documented; a blank charge point id or tag matches all, like a null one; the tag case-insensitively. */
    @Override
    public List<TransactionView> search(TransactionFilter filter, int offset, int limit) {
        Where where = Where.of(filter);
        TypedQuery<ChargingTransaction> query = em.createQuery("select t from ChargingTransaction t" + where.jpql()
                        + " order by t.startTimestamp desc, t.id desc", ChargingTransaction.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)));
        where.bind(query);
        return query.getResultStream().map(TransactionService::view).toList();
    }

    @Override
    public long count(TransactionFilter filter) {
        Where where = Where.of(filter);
        TypedQuery<Long> query = em.createQuery("select count(t) from ChargingTransaction t" + where.jpql(), Long.class);
        where.bind(query);
        return query.getSingleResult();
    }

    /** A filter as a JPQL condition of fixed text and its parameters: the caller's values are only ever bound. */
    private record Where(String jpql, Map<String, Object> parameters) {
        static Where of(TransactionFilter filter) {
            TransactionFilter f = filter == null ? TransactionFilter.ALL : filter;
            List<String> conditions = new java.util.ArrayList<>();
            Map<String, Object> parameters = new HashMap<>();
            if (f.chargePointId() != null && !f.chargePointId().isBlank()) {
                conditions.add("t.chargePoint.identity = :cp");
                parameters.put("cp", f.chargePointId());
            }
            if (f.idTag() != null && !f.idTag().isBlank()) {
                // the tag's key: OCPP IdTokens compare case-insensitively (and the key is indexed)
                conditions.add("t.idTagKey = :tag");
                parameters.put("tag", IdTag.key(f.idTag()));
            }
            if (f.active() != null) {
                conditions.add(f.active() ? "t.stopTimestamp is null" : "t.stopTimestamp is not null");
            }
            if (f.from() != null) {
                conditions.add("t.startTimestamp >= :from");
                parameters.put("from", Times.utc(f.from()));
            }
            if (f.to() != null) {
                conditions.add("t.startTimestamp < :to");
                parameters.put("to", Times.utc(f.to()));
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), parameters);
        }

        void bind(jakarta.persistence.Query query) {
            parameters.forEach(query::setParameter);
        }
    }

    @Override
    public Optional<TransactionDetail> find(int id) {
        ChargingTransaction t = em.find(ChargingTransaction.class, id);
        if (t == null) {
            return Optional.empty();
        }
        List<MeterValueView> values = em.createNamedQuery(MeterReading.OF_TRANSACTION, MeterReading.class)
                .setParameter("tx", id).getResultStream()
                .map(m -> new MeterValueView(m.getSampledAt().toInstant(), m.getMeasurand(), m.getValue(), m.getUnit(),
                        m.getPhase(), m.getContext(), m.getLocation(), m.getFormat()))
                .toList();
        return Optional.of(new TransactionDetail(t.getId(), t.getChargePoint().getIdentity(), t.getConnectorId(),
                t.getIdTag(), t.getMeterStart(), t.getMeterStop(), Times.instant(t.getStartTimestamp()),
                Times.instant(t.getStopTimestamp()), t.getStopReason(), t.energyWh(), t.getStartStatus(),
                t.getReservationId(), t.getStopIdTag(), Times.instant(t.getStartReceivedAt()), Times.instant(t.getStopReceivedAt()),
                t.getClosedBy(), Times.instant(t.getClosedAt()), values));
    }

    private static TransactionView view(ChargingTransaction t) {
        return new TransactionView(t.getId(), t.getChargePoint().getIdentity(), t.getConnectorId(), t.getIdTag(),
                t.getMeterStart(), t.getMeterStop(), Times.instant(t.getStartTimestamp()), Times.instant(t.getStopTimestamp()),
                t.getStopReason(), t.energyWh());
    }


}
