package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;

public record SetChargingProfileRequest(
        @Min(0) Integer connectorId,
        ChargingProfile csChargingProfiles) {
}
