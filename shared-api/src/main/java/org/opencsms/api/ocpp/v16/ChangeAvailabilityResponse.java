package org.opencsms.api.ocpp.v16;

public record ChangeAvailabilityResponse(
        AvailabilityStatus status) {
}
