package org.opencsms.api.cms;

import java.math.BigDecimal;

/** One period of a {@link ScheduleView}: {@code startPeriod} seconds from the schedule's start. */
public record SchedulePeriodView(int startPeriod, BigDecimal limit, Integer numberPhases) {
}
