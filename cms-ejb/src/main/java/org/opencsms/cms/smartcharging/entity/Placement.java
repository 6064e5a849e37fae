package org.opencsms.cms.smartcharging.entity;

/**
 * Where a profile is installed and what it is there: the purpose and stack level it had when it was set
 * (the stored profile may have changed since), the transaction for a TxProfile set for one.
 */
public record Placement(int profileId, int connectorId, String purpose, int stackLevel, Integer transactionId) {
    public static final String TX_PROFILE = "TxProfile";
}
