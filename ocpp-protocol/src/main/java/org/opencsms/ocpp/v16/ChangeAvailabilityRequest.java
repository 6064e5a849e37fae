package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;

public record ChangeAvailabilityRequest(
        @Min(0) Integer connectorId,
        AvailabilityType type) {
}
