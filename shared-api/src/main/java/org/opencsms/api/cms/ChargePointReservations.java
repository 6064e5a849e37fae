package org.opencsms.api.cms;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.Local;

/**
 * Reservations of charge points (OCPP 1.6 ReserveNow / CancelReservation), sent through
 * {@link ChargePointCommands#send} and recorded with the charge point's answers. A StartTransaction naming a
 * reservation uses it; one still holding at its expiry date expires.
 */
@Local
public interface ChargePointReservations {

    /**
     * Records the reservation (status Pending, with a new reservationId), sends ReserveNow and records the
     * answer; the stage completes with the reservation as recorded then.
     *
     * @throws CmsException NOT_FOUND unknown charge point; INVALID with the violations (connectorId missing or
     *                      negative, an unknown, blocked or expired tag, expiryDate missing or not in the future);
     *                      CONFLICT the charge point is not connected (nothing recorded)
     */
    CompletionStage<ReservationReply> reserve(String chargePointId, NewReservation reservation, String requestedBy);

    /**
     * Sends CancelReservation and records the answer: an accepted one makes it Cancelled.
     *
     * @throws CmsException NOT_FOUND unknown reservation; CONFLICT one that holds no more (Used, Cancelled,
     *                      Expired, refused) or whose charge point is not connected
     */
    CompletionStage<ReservationReply> cancel(int reservationId, String requestedBy);

    Optional<ReservationView> find(int reservationId);

    /**
     * Newest first.
     *
     * @param chargePointId null: all charge points
     * @param active        null: all; true: Pending or Accepted and not past expiry; false: the others
     */
    List<ReservationView> list(String chargePointId, Boolean active, int offset, int limit);
}
