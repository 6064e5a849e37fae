package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** ChangeAvailability.req type. */
public enum AvailabilityType implements WireEnum {
    INOPERATIVE("Inoperative"),
    OPERATIVE("Operative");

    private final String wire;

    AvailabilityType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
