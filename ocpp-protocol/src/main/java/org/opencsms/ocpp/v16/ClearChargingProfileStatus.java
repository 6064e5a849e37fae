package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** ClearChargingProfile.conf status. */
public enum ClearChargingProfileStatus implements WireEnum {
    ACCEPTED("Accepted"),
    UNKNOWN("Unknown");

    private final String wire;

    ClearChargingProfileStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
