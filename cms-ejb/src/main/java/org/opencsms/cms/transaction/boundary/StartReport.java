package org.opencsms.cms.transaction.boundary;

import java.time.Instant;

/** A charge point reports that charging started ({@code timestamp} the charge point's, {@code receivedAt} ours). */
public record StartReport(String chargePointId, int connectorId, String idTag, int meterStart, Integer reservationId,
                          Instant timestamp, Instant receivedAt) {
}
