package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** SetChargingProfile.conf status. */
public enum ChargingProfileStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    NOT_SUPPORTED("NotSupported");

    private final String wire;

    ChargingProfileStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
