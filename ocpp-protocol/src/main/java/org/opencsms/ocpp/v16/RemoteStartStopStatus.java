package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** RemoteStartTransaction.conf / RemoteStopTransaction.conf status. */
public enum RemoteStartStopStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wire;

    RemoteStartStopStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
