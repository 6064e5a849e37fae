package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

public record ClearChargingProfileRequest(
        @Optional Integer id,
        @Optional @Min(0) Integer connectorId,
        @Optional ChargingProfilePurposeType chargingProfilePurpose,
        @Optional @Min(0) Integer stackLevel) {
}
