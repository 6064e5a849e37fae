package org.opencsms.api.cms;

import java.time.Instant;

/** A transaction in a list; energyWh = meterStop - meterStart once stopped. */
public record TransactionView(int id, String chargePointId, int connectorId, String idTag, int meterStart,
                              Integer meterStop, Instant startTimestamp, Instant stopTimestamp, String stopReason,
                              Integer energyWh) {
}
