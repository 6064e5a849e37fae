package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Reset.req type. */
public enum ResetType implements WireEnum {
    HARD("Hard"),
    SOFT("Soft");

    private final String wire;

    ResetType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
