package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

public record GetCompositeScheduleRequest(
        @Min(0) Integer connectorId,
        Integer duration,
        @Optional ChargingRateUnitType chargingRateUnit) {
}
