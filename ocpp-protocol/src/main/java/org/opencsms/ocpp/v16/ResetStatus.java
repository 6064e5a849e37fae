package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Reset.conf status. */
public enum ResetStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wire;

    ResetStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
