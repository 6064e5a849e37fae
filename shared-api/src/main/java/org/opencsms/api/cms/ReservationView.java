package org.opencsms.api.cms;

import java.time.Instant;

/**
 * A reservation and what became of it; never deleted, so its history can be audited.
 *
 * @param id            the OCPP reservationId
 * @param status        Pending (ReserveNow sent, no answer yet); the charge point's answer: Accepted, Faulted,
 *                      Occupied, Rejected or Unavailable; Error (CALLERROR or an answer off the schema), NoAnswer
 *                      (timeout) or NotConnected; then Cancelled (an accepted CancelReservation), Used (a
 *                      StartTransaction named it) or Expired (past expiryDate while it held)
 * @param statusAt      when the status was last set
 * @param transactionId the transaction that used it
 * @param cancelStatus  the answer to the last CancelReservation: Accepted, Rejected, Error, NoAnswer or
 *                      NotConnected; null: none sent
 * @param note          what the status alone does not say (an error's code and description, a start that named
 *                      it with another connector)
 */
public record ReservationView(int id, String chargePointId, int connectorId, String idTag, String parentIdTag,
                              Instant expiryDate, String status, Instant statusAt, String requestedBy,
                              Instant createdAt, Long reserveCommandId, Integer transactionId, String cancelStatus,
                              Long cancelCommandId, String cancelledBy, String note) {
}
