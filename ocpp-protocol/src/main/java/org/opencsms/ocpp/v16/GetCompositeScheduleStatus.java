package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** GetCompositeSchedule.conf status. */
public enum GetCompositeScheduleStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wire;

    GetCompositeScheduleStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
