package org.opencsms.api.cms;

import java.time.Instant;

/**
 * Which transactions a search returns; every null field matches all.
 *
 * @param active true: not stopped yet; false: stopped
 * @param from   start timestamp at or after
 * @param to     start timestamp before
 */
public record TransactionFilter(String chargePointId, String idTag, Boolean active, Instant from, Instant to) {
    public static final TransactionFilter ALL = new TransactionFilter(null, null, null, null, null);
}
