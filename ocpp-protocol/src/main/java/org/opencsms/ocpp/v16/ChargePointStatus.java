package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** StatusNotification.req status. */
public enum ChargePointStatus implements WireEnum {
    AVAILABLE("Available"),
    PREPARING("Preparing"),
    CHARGING("Charging"),
    SUSPENDED_EVSE("SuspendedEVSE"),
    SUSPENDED_EV("SuspendedEV"),
    FINISHING("Finishing"),
    RESERVED("Reserved"),
    UNAVAILABLE("Unavailable"),
    FAULTED("Faulted");

    private final String wire;

    ChargePointStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
