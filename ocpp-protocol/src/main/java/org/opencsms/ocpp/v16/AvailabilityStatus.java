package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** ChangeAvailability.conf status. */
public enum AvailabilityStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    SCHEDULED("Scheduled");

    private final String wire;

    AvailabilityStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
