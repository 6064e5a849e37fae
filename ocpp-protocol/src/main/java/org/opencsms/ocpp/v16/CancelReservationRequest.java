package org.opencsms.ocpp.v16;

public record CancelReservationRequest(
        Integer reservationId) {
}
