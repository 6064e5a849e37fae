package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

public record GetCompositeScheduleRequest(
        @Min(0) Integer connectorId,
        Integer duration,
        @Optional ChargingRateUnitType chargingRateUnit) {
}
