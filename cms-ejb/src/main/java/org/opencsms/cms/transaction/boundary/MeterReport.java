package org.opencsms.cms.transaction.boundary;

import java.time.Instant;
import java.util.List;

import org.opencsms.api.messaging.MeterSample;

/** Meter values a charge point reported for a connector, in a transaction or outside one. */
public record MeterReport(String chargePointId, int connectorId, Integer transactionId, List<MeterSample> samples,
                          Instant receivedAt) {
}
