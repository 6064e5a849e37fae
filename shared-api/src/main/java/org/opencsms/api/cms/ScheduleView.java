package org.opencsms.api.cms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An OCPP 1.6 ChargingSchedule: limits in {@code chargingRateUnit} ("A" or "W") from each period's start. */
public record ScheduleView(Integer duration, Instant startSchedule, String chargingRateUnit,
                           List<SchedulePeriodView> chargingSchedulePeriod, BigDecimal minChargingRate) {
}
