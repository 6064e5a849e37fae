package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Where a sampled value was measured. */
public enum Location implements WireEnum {
    CABLE("Cable"),
    EV("EV"),
    INLET("Inlet"),
    OUTLET("Outlet"),
    BODY("Body");

    private final String wire;

    Location(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
