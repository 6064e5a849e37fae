package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** CancelReservation.conf status. */
public enum CancelReservationStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wire;

    CancelReservationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
