package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MultipleOf;
import org.opencsms.api.ocpp.Optional;

import java.math.BigDecimal;

public record ChargingSchedulePeriod(
        Integer startPeriod,
        @MultipleOf("0.1") BigDecimal limit,
        @Optional Integer numberPhases) {
}
