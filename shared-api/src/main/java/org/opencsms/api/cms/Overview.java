package org.opencsms.api.cms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The site at a glance.
 *
 * @param faulted            charge points with at least one connector (or connector 0) in status Faulted
 * @param connectorsByStatus connectors 1..n of registered charge points by their last reported status
 *                           ("Unknown" when none was reported)
 * @param energyTodayWh      energy of the transactions stopped today (meterStop - meterStart)
 * @param last7Days          the same per day, oldest first, today last, days without energy included as 0
 */
public record Overview(long registered, long connected, long faulted, Map<String, Long> connectorsByStatus,
                       long activeTransactions, long energyTodayWh, List<DailyEnergy> last7Days) {
    public record DailyEnergy(LocalDate day, long energyWh) {
    }
}
