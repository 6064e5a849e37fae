package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Unit of a charging schedule: amperes or watts. */
public enum ChargingRateUnitType implements WireEnum {
    A("A"),
    W("W");

    private final String wire;

    ChargingRateUnitType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
