package org.opencsms.cms.transaction.boundary;

import java.time.Instant;
import java.util.List;

import org.opencsms.api.messaging.MeterSample;

/** A charge point reports that a transaction stopped, with the meter values it kept for it. */
public record StopReport(String chargePointId, int transactionId, String idTag, int meterStop, Instant timestamp,
                         String reason, List<MeterSample> transactionData, Instant receivedAt) {
}
