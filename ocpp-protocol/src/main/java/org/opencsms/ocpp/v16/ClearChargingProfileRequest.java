package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

public record ClearChargingProfileRequest(
        @Optional Integer id,
        @Optional @Min(0) Integer connectorId,
        @Optional ChargingProfilePurposeType chargingProfilePurpose,
        @Optional @Min(0) Integer stackLevel) {
}
