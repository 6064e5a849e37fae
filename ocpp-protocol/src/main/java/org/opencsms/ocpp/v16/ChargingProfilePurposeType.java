package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Purpose of a charging profile. */
public enum ChargingProfilePurposeType implements WireEnum {
    CHARGE_POINT_MAX_PROFILE("ChargePointMaxProfile"),
    TX_DEFAULT_PROFILE("TxDefaultProfile"),
    TX_PROFILE("TxProfile");

    private final String wire;

    ChargingProfilePurposeType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
