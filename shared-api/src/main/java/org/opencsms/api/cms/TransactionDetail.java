package org.opencsms.api.cms;

import java.time.Instant;
import java.util.List;

/**
 * A transaction with its meter values, from MeterValues and StopTransaction alike, each once.
 *
 * @param startStatus       the idTagInfo status the start was answered with
 * @param startReceivedAt   when the start reached the system (may be long after startTimestamp)
 * @param closedBy          the operator who closed it (POST /api/transactions/{id}/close); null: not so closed
 * @param closedAt          when the operator closed it
 */
public record TransactionDetail(int id, String chargePointId, int connectorId, String idTag, int meterStart,
                                Integer meterStop, Instant startTimestamp, Instant stopTimestamp, String stopReason,
                                Integer energyWh, String startStatus, Integer reservationId, String stopIdTag,
                                Instant startReceivedAt, Instant stopReceivedAt, String closedBy, Instant closedAt,
                                List<MeterValueView> meterValues) {
}
