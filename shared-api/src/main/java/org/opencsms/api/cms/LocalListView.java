package org.opencsms.api.cms;

import java.time.Instant;
import java.util.List;

/**
 * A charge point's local list as the CMS knows it.
 *
 * @param confirmedVersion the version the charge point last confirmed (an accepted SendLocalList or the
 *                         answer to GetLocalListVersion; -1: it has no local list support); null: never
 * @param confirmedBy      the action that confirmed it
 * @param entries          how many tags the charge point's list holds after the confirmed updates
 * @param updates          the updates and version reads, newest first
 */
public record LocalListView(String chargePointId, Integer confirmedVersion, Instant confirmedAt, String confirmedBy,
                            int entries, List<LocalListUpdateView> updates) {
}
