package org.opencsms.api.cms;

import java.time.Instant;

/**
 * Something that happened at a charge point, as the dashboard lists it.
 *
 * @param kind   Connected, Disconnected, Booted, StatusChanged, TransactionStarted or TransactionStopped
 * @param detail what the charge point reported, as text (e.g. "connector 1: Charging"); charge point data,
 *               to be shown escaped
 */
public record ActivityView(long id, Instant at, String chargePointId, String kind, String detail) {
}
