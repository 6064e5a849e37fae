package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Recurrence of a recurring charging profile. */
public enum RecurrencyKindType implements WireEnum {
    DAILY("Daily"),
    WEEKLY("Weekly");

    private final String wire;

    RecurrencyKindType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
