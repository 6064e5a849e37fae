package org.opencsms.ocpp;

/** Who sends the CALL of an action. */
public enum Direction {
    CHARGER_TO_CSMS,
    CSMS_TO_CHARGER
}
