package org.opencsms.api.cms;

/**
 * Which stored profile to set on which connector of a charge point.
 *
 * @param connectorId   0: the charge point as a whole
 * @param transactionId only for a TxProfile: the transaction it limits; null: the connector's current one
 */
public record ProfileInstallation(Integer profileId, Integer connectorId, Integer transactionId) {
}
