package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.WireEnum;

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
