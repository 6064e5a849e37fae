package org.opencsms.ocpp.v16;

public record CancelReservationResponse(
        CancelReservationStatus status) {
}
