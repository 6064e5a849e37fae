package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;

public record ChangeAvailabilityRequest(
        @Min(0) Integer connectorId,
        AvailabilityType type) {
}
