package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MultipleOf;
import org.opencsms.ocpp.Optional;

import java.math.BigDecimal;

public record ChargingSchedulePeriod(
        Integer startPeriod,
        @MultipleOf("0.1") BigDecimal limit,
        @Optional Integer numberPhases) {
}
