package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Format of a sampled value. */
public enum ValueFormat implements WireEnum {
    RAW("Raw"),
    SIGNED_DATA("SignedData");

    private final String wire;

    ValueFormat(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
