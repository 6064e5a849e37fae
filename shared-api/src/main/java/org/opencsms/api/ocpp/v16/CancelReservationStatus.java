package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.WireEnum;

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
