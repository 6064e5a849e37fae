package org.opencsms.api.cms;

import org.opencsms.api.messaging.CommandResult;

/** A reservation after a command about it (ReserveNow, CancelReservation) ended, and how that command ended. */
public record ReservationReply(ReservationView reservation, CommandResult.Outcome outcome) {
}
