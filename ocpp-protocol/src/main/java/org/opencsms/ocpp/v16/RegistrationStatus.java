package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** BootNotification.conf status. */
public enum RegistrationStatus implements WireEnum {
    ACCEPTED("Accepted"),
    PENDING("Pending"),
    REJECTED("Rejected");

    private final String wire;

    RegistrationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
