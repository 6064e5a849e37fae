package org.opencsms.cms.smartcharging.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opencsms.cms.smartcharging.entity.Placement;

/** Which installed profiles a set, a clear and the end of a transaction take away. */
class ProfileRulesTest {
    private static final Placement DEFAULT_ON_1 = new Placement(7, 1, "TxDefaultProfile", 0, null);

    @Test
    void aProfileReplacesTheSameIdAnywhereAndTheSamePurposeAndStackLevelOnItsConnector() {
        assertTrue(ProfileRules.replacedBy(DEFAULT_ON_1, new Placement(7, 2, "TxDefaultProfile", 0, null)),
                "same id, other connector");
        assertTrue(ProfileRules.replacedBy(DEFAULT_ON_1, new Placement(8, 1, "TxDefaultProfile", 0, null)),
                "same purpose and stack level on the connector");
        assertFalse(ProfileRules.replacedBy(DEFAULT_ON_1, new Placement(8, 2, "TxDefaultProfile", 0, null)),
                "same purpose and stack level on another connector");
        assertFalse(ProfileRules.replacedBy(DEFAULT_ON_1, new Placement(8, 1, "TxDefaultProfile", 1, null)),
                "other stack level");
        assertFalse(ProfileRules.replacedBy(DEFAULT_ON_1, new Placement(8, 1, "TxProfile", 0, null)),
                "other purpose");
    }

    @Test
    void aClearWithAnIdClearsThatProfileWhateverTheOtherCriteria() {
        assertTrue(ProfileRules.clearedBy(DEFAULT_ON_1, 7, 2, "TxProfile", 3));
        assertFalse(ProfileRules.clearedBy(DEFAULT_ON_1, 8, 1, "TxDefaultProfile", 0));
    }

    @Test
    void aClearWithoutIdClearsWhatMatchesEveryCriterionGiven() {
        assertTrue(ProfileRules.clearedBy(DEFAULT_ON_1, null, null, null, null), "no criteria: all");
        assertTrue(ProfileRules.clearedBy(DEFAULT_ON_1, null, 1, null, null));
        assertTrue(ProfileRules.clearedBy(DEFAULT_ON_1, null, 1, "TxDefaultProfile", 0));
        assertFalse(ProfileRules.clearedBy(DEFAULT_ON_1, null, 0, null, null), "connector 0 is not connector 1");
        assertFalse(ProfileRules.clearedBy(DEFAULT_ON_1, null, 1, "ChargePointMaxProfile", null));
        assertFalse(ProfileRules.clearedBy(DEFAULT_ON_1, null, null, null, 1));
    }

    @Test
    void theEndOfATransactionEndsItsTxProfilesOnly() {
        assertTrue(ProfileRules.endedWith(new Placement(1, 2, "TxProfile", 0, 55), 2, 55), "set for it");
        assertTrue(ProfileRules.endedWith(new Placement(1, 2, "TxProfile", 0, null), 2, 55),
                "set for the connector's transaction");
        assertFalse(ProfileRules.endedWith(new Placement(1, 1, "TxProfile", 0, null), 2, 55), "another connector");
        assertFalse(ProfileRules.endedWith(new Placement(1, 2, "TxProfile", 0, 54), 3, 55), "another transaction");
        assertFalse(ProfileRules.endedWith(new Placement(1, 2, "TxDefaultProfile", 0, null), 2, 55),
                "a default profile stays");
    }
}
