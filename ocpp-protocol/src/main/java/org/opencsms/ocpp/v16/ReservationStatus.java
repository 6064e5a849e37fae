package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** ReserveNow.conf status. */
public enum ReservationStatus implements WireEnum {
    ACCEPTED("Accepted"),
    FAULTED("Faulted"),
    OCCUPIED("Occupied"),
    REJECTED("Rejected"),
    UNAVAILABLE("Unavailable");

    private final String wire;

    ReservationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
