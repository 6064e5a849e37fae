package org.opencsms.cms.smartcharging.control;

import java.util.Objects;

import org.opencsms.cms.smartcharging.entity.Placement;

/** Which installed profiles a charge point no longer has after a change, as OCPP 1.6 (3.13, 5.5, 5.16) says. */
public final class ProfileRules {

    /**
     * SetChargingProfile: "If a charging profile with the same chargingProfileId, or the same combination of
     * stackLevel / ChargingProfilePurpose, exists on the Charge Point, the new charging profile SHALL replace
     * the existing charging profile" (the combination per connector: connectors have profiles of their own).
     */
    public static boolean replacedBy(Placement existing, Placement incoming) {
        return existing.profileId() == incoming.profileId()
                || existing.connectorId() == incoming.connectorId()
                && existing.purpose().equals(incoming.purpose()) && existing.stackLevel() == incoming.stackLevel();
    }

    /**
     * ClearChargingProfile: the profile with the id when one is given; otherwise every profile matching
     * the criteria given (an absent criterion matches all).
     */
    public static boolean clearedBy(Placement existing, Integer profileId, Integer connectorId, String purpose,
                                    Integer stackLevel) {
        if (profileId != null) {
            return existing.profileId() == profileId;
        }
        return (connectorId == null || existing.connectorId() == connectorId)
                && (purpose == null || existing.purpose().equals(purpose))
                && (stackLevel == null || existing.stackLevel() == stackLevel);
    }

    /**
     * The end of a transaction ends the TxProfiles set for it and those set for the connector's
     * transaction without naming one ("the TxProfile SHALL be deleted" when the transaction stops).
     */
    public static boolean endedWith(Placement existing, int connectorId, int transactionId) {
        return Placement.TX_PROFILE.equals(existing.purpose())
                && (Objects.equals(existing.transactionId(), transactionId)
                    || existing.transactionId() == null && existing.connectorId() == connectorId);
    }

    private ProfileRules() {
    }
}
