package org.opencsms.api.cms;

import java.time.Instant;

/**
 * A stored profile a charge point accepted on a connector, as recorded until it is cleared, replaced, its
 * transaction ends (TxProfile) or the charge point reboots.
 *
 * @param chargingProfilePurpose and {@code stackLevel}: as the profile had them when it was set
 * @param commandId              the SetChargingProfile command in the command history
 */
public record InstalledProfileView(int profileId, int connectorId, String chargingProfilePurpose, int stackLevel,
                                   Integer transactionId, Instant installedAt, long commandId) {
}
