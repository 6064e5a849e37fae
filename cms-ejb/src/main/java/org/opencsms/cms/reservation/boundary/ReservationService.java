package org.opencsms.cms.reservation.boundary;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.ChargePointReservations;
import org.opencsms.api.cms.NewReservation;
import org.opencsms.api.cms.ReservationReply;
import org.opencsms.api.cms.ReservationView;
import org.opencsms.api.cms.SentCommand;

/**
 * The reservation exchange: records the reservation, sends ReserveNow or CancelReservation through
 * {@link ChargePointCommands#send} (validated, recorded in the command history, routed, awaited there) and,
 * when its stage completes, records what the answer means in a new transaction ({@link ReservationRecords}).
 * No database transaction spans the wait for the charge point.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReservationService implements ChargePointReservations {
    static final String RESERVE_NOW = "ReserveNow";
    static final String CANCEL_RESERVATION = "CancelReservation";

    @EJB
    ChargePointCommands commands;
    @EJB
    ReservationRecords records;

    @Override
    public CompletionStage<ReservationReply> reserve(String chargePointId, NewReservation request, String requestedBy) {
        ReservationView opened = records.open(chargePointId, request, requestedBy);
        CompletionStage<SentCommand> sent;
        try {
            sent = commands.send(chargePointId, RESERVE_NOW, reserveNow(opened), requestedBy);
        } catch (RuntimeException e) {
            // not sent (not connected): no reservation the charge point never heard of
            records.discard(opened.id());
            throw e;
        }
        return sent.thenApply(s -> new ReservationReply(
                records.reserveAnswered(opened.id(), s.commandId(), s.result()), s.result().outcome()));
    }

    @Override
    public CompletionStage<ReservationReply> cancel(int reservationId, String requestedBy) {
        ReservationView r = records.forCancel(reservationId);
        String payload = Json.createObjectBuilder().add("reservationId", r.id()).build().toString();
        return commands.send(r.chargePointId(), CANCEL_RESERVATION, payload, requestedBy)
                .thenApply(s -> new ReservationReply(
                        records.cancelAnswered(reservationId, s.commandId(), s.result(), requestedBy),
                        s.result().outcome()));
    }

    @Override
    public Optional<ReservationView> find(int reservationId) {
        return records.find(reservationId);
    }

    @Override
    public List<ReservationView> list(String chargePointId, Boolean active, int offset, int limit) {
        return records.list(chargePointId, active, offset, limit);
    }

    /** The ReserveNow.req payload of a recorded reservation. */
    static String reserveNow(ReservationView r) {
        JsonObjectBuilder payload = Json.createObjectBuilder()
                .add("connectorId", r.connectorId())
                .add("expiryDate", DateTimeFormatter.ISO_INSTANT.format(r.expiryDate()))
                .add("idTag", r.idTag())
                .add("reservationId", r.id());
        if (r.parentIdTag() != null) {
            payload.add("parentIdTag", r.parentIdTag());
        }
        return payload.build().toString();
    }
}
