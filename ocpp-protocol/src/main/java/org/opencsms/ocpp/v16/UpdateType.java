package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** SendLocalList.req updateType. */
public enum UpdateType implements WireEnum {
    DIFFERENTIAL("Differential"),
    FULL("Full");

    private final String wire;

    UpdateType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
