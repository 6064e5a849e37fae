package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** TriggerMessage.conf status. */
public enum TriggerMessageStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    NOT_IMPLEMENTED("NotImplemented");

    private final String wire;

    TriggerMessageStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
