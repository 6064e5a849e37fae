package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MinItems;
import org.opencsms.ocpp.MultipleOf;
import org.opencsms.ocpp.Optional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public record ChargingSchedule(
        @Optional Integer duration,
        @Optional Instant startSchedule,
        ChargingRateUnitType chargingRateUnit,
        @MinItems(1) List<ChargingSchedulePeriod> chargingSchedulePeriod,
        @Optional @MultipleOf("0.1") BigDecimal minChargingRate) {
}
