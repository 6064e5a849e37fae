package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Kind of a charging profile. */
public enum ChargingProfileKindType implements WireEnum {
    ABSOLUTE("Absolute"),
    RECURRING("Recurring"),
    RELATIVE("Relative");

    private final String wire;

    ChargingProfileKindType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
