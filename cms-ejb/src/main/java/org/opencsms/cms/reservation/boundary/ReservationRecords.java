package org.opencsms.cms.reservation.boundary;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.IdTagView;
import org.opencsms.api.cms.NewReservation;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.cms.ReservationView;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.TagAuthorization;
import org.opencsms.cms.authorization.boundary.IdTagService;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.platform.SchemaMigration;
import org.opencsms.cms.platform.Times;
import org.opencsms.cms.reservation.entity.Reservation;

/**
 * The reservations' records, each method one database transaction of its own: a reservation is committed as
 * Pending before ReserveNow leaves, so that a StartTransaction naming it finds it even if it overtakes the
 * answer; answers are recorded in a new transaction when the command's stage completes. Also the sweep that
 * expires reservations still holding at their expiry date (every 10 s, on every node: one idempotent update).
 */
@LocalBean
@Stateless
public class ReservationRecords {
    private static final Logger LOG = Logger.getLogger(ReservationRecords.class.getName());
    /** OCPP 1.6 IdToken is a CiString20. */
    private static final int MAX_TAG = 20;
    private static final int MAX_NOTE = 1000;

    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;
    @EJB
    IdTagService idTags;
    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext self;

    /**
     * Validates the request and records the reservation as Pending with a new reservationId.
     *
     * @throws CmsException NOT_FOUND unknown charge point, INVALID with every rule the request breaks
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReservationView open(String chargePointId, NewReservation request, String requestedBy) {
        ChargePoint cp = chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        if (request == null) {
            throw new CmsException(Reason.INVALID, "a JSON body {\"connectorId\",\"idTag\",\"expiryDate\"} is required");
        }
        OffsetDateTime now = Times.now();
        List<String> violations = new ArrayList<>();
        if (request.connectorId() == null || request.connectorId() < 0) {
            violations.add("connectorId must be 0 (the charge point as a whole) or a connector's number");
        }
        if (request.expiryDate() == null) {
            violations.add("expiryDate is required");
        } else if (!Times.utc(request.expiryDate()).isAfter(now)) {
            violations.add("expiryDate must be in the future");
        }
        Optional<IdTagView> tag = Optional.empty();
        if (request.idTag() == null || request.idTag().isBlank()) {
            violations.add("idTag is required");
        } else {
            tag = idTags.find(request.idTag());
            TagAuthorization verdict = idTags.authorize(request.idTag());
            if (tag.isEmpty()) {
                violations.add("idTag " + request.idTag() + " is unknown");
            } else if (verdict.status() != TagAuthorization.Verdict.ACCEPTED) {
                violations.add("idTag " + request.idTag() + " is " + verdict.status().name().toLowerCase()
                        + ": only a tag that may charge can reserve");
            }
        }
        if (request.parentIdTag() != null && (request.parentIdTag().isEmpty() || request.parentIdTag().length() > MAX_TAG)) {
            violations.add("parentIdTag must be 1 to " + MAX_TAG + " characters");
        }
        if (!violations.isEmpty()) {
            throw new CmsException(Reason.INVALID, "invalid reservation", violations);
        }
        IdTagView known = tag.orElseThrow();
        String parent = request.parentIdTag() != null ? request.parentIdTag() : known.parentIdTag();
        Reservation r = new Reservation(cp, request.connectorId(), known.idTag(), parent,
                Times.utc(request.expiryDate()), requestedBy, now);
        em.persist(r);
        em.flush();
        return view(r);
    }

    /** Removes a reservation whose ReserveNow never left (the charge point was not connected). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void discard(int reservationId) {
        Optional.ofNullable(em.find(Reservation.class, reservationId)).ifPresent(em::remove);
    }

    /** Records what the charge point answered to ReserveNow. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReservationView reserveAnswered(int reservationId, long commandId, CommandResult result) {
        Reservation r = locked(reservationId);
        Outcome o = outcome(result);
        r.reserveAnswered(commandId, o.status(), o.note(), Times.now());
        return view(r);
    }

    /**
     * The reservation, for a CancelReservation.
     *
     * @throws CmsException NOT_FOUND unknown; CONFLICT one that no longer holds
     */
    public ReservationView forCancel(int reservationId) {
        Reservation r = em.find(Reservation.class, reservationId);
        if (r == null) {
            throw new CmsException(Reason.NOT_FOUND, "no reservation " + reservationId);
        }
        if (!r.mayHold()) {
            throw new CmsException(Reason.CONFLICT, "reservation " + reservationId + " is " + r.getStatus()
                    + ": there is nothing to cancel");
        }
        return view(r);
    }

    /** Records what the charge point answered to CancelReservation. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReservationView cancelAnswered(int reservationId, long commandId, CommandResult result, String requestedBy) {
        Reservation r = locked(reservationId);
        Outcome o = outcome(result);
        String note = o.note() != null ? o.note()
                : "Accepted".equals(o.status()) ? null : "the charge point answered CancelReservation with " + o.status();
        r.cancelAnswered(commandId, o.status(), requestedBy, note, Times.now());
        return view(r);
    }

    /**
     * A StartTransaction of {@code cp} named the reservation: it is Used and linked to the transaction (the charge
     * point's word: also when we had no answer, or had expired it). A reservation of another charge point, an
     * unknown one, or one cancelled or used already stays as it is. Joins the caller's transaction.
     */
    public void use(ChargePoint cp, int reservationId, int connectorId, String idTag, int transactionId) {
        Reservation r = em.find(Reservation.class, reservationId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.getChargePoint().getId().equals(cp.getId())) {
            LOG.warning(() -> "StartTransaction " + transactionId + " of " + cp.getIdentity() + " names reservation "
                    + reservationId + ", which is not one of its reservations");
            return;
        }
        if (Reservation.USED.equals(r.getStatus()) || Reservation.CANCELLED.equals(r.getStatus())) {
            LOG.warning(() -> "StartTransaction " + transactionId + " of " + cp.getIdentity() + " names reservation "
                    + reservationId + ", which is " + r.getStatus() + " already: left as it is");
            return;
        }
        List<String> differences = new ArrayList<>();
        if (r.getConnectorId() != 0 && r.getConnectorId() != connectorId) {
            differences.add("started on connector " + connectorId + ", reserved " + r.getConnectorId());
        }
        if (!r.getIdTag().equalsIgnoreCase(idTag)) {
            differences.add("started with tag " + idTag);
        }
        r.used(transactionId, differences.isEmpty() ? null : String.join("; ", differences), Times.now());
    }

    /** Reservations still holding at their expiry date become Expired; returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int expire() {
        return em.createNamedQuery(Reservation.EXPIRE).setParameter("now", Times.now()).executeUpdate();
    }

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        if (!SchemaMigration.migrated()) {
            return;
        }
        try {
            // through the container: expire() runs in a transaction of its own, whose failure is only logged here
            int expired = self.getBusinessObject(ReservationRecords.class).expire();
            if (expired > 0) {
                LOG.info(() -> expired + " reservation(s) expired");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not expire reservations (database unavailable?)", e);
        }
    }

    public Optional<ReservationView> find(int reservationId) {
        return Optional.ofNullable(em.find(Reservation.class, reservationId)).map(ReservationRecords::view);
    }

    public List<ReservationView> list(String chargePointId, Boolean active, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (chargePointId != null && !chargePointId.isBlank()) {
            conditions.add("r.chargePoint.identity = :cp");
            parameters.put("cp", chargePointId);
        }
        if (active != null) {
            String holding = "(r.status in ('" + Reservation.PENDING + "', '" + Reservation.ACCEPTED
                    + "') and r.expiryDate > :now)";
            conditions.add(active ? holding : "not " + holding);
            parameters.put("now", Times.now());
        }
        TypedQuery<Reservation> query = em.createQuery("select r from Reservation r"
                        + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                        + " order by r.id desc", Reservation.class)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)));
        parameters.forEach(query::setParameter);
        return query.getResultStream().map(ReservationRecords::view).toList();
    }

    private Reservation locked(int reservationId) {
        Reservation r = em.find(Reservation.class, reservationId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw new CmsException(Reason.NOT_FOUND, "no reservation " + reservationId);
        }
        return r;
    }

    /** What a command's end means for a reservation: the status to record and a note. */
    record Outcome(String status, String note) {
    }

    /**
     * RESULT: the answer's status (Accepted, Faulted, ... for ReserveNow; Accepted, Rejected for
     * CancelReservation); CALL_ERROR and INVALID_RESPONSE: Error; TIMEOUT: NoAnswer; NOT_CONNECTED: NotConnected;
     * each failure with its code and description as the note.
     */
    static Outcome outcome(CommandResult result) {
        return switch (result.outcome()) {
            case RESULT -> {
                String status = status(result.payload());
                yield status == null ? new Outcome(Reservation.ERROR, "answer without a status: " + result.payload())
                        : new Outcome(status, null);
            }
            case CALL_ERROR, INVALID_RESPONSE -> new Outcome(Reservation.ERROR, note(result));
            case TIMEOUT -> new Outcome(Reservation.NO_ANSWER, note(result));
            case NOT_CONNECTED -> new Outcome(Reservation.NOT_CONNECTED, note(result));
        };
    }

    private static String status(String payload) {
        try {
            JsonObject answer = Json.createReader(new StringReader(payload == null ? "" : payload)).readObject();
            return answer.get("status") instanceof JsonString s ? s.getString() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static String note(CommandResult result) {
        String note = (result.errorCode() == null ? "" : result.errorCode() + ": ")
                + (result.errorDescription() == null ? "" : result.errorDescription());
        return note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
    }

    static ReservationView view(Reservation r) {
        return new ReservationView(r.getId(), r.getChargePoint().getIdentity(), r.getConnectorId(), r.getIdTag(),
                r.getParentIdTag(), Times.instant(r.getExpiryDate()), r.getStatus(), Times.instant(r.getStatusAt()),
                r.getRequestedBy(), Times.instant(r.getCreatedAt()), r.getReserveCommandId(), r.getTransactionId(),
                r.getCancelStatus(), r.getCancelCommandId(), r.getCancelledBy(), r.getNote());
    }
}
