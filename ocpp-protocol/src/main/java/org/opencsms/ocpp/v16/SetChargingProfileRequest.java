package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;

public record SetChargingProfileRequest(
        @Min(0) Integer connectorId,
        ChargingProfile csChargingProfiles) {
}
