package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** SendLocalList.conf status. */
public enum UpdateStatus implements WireEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    NOT_SUPPORTED("NotSupported"),
    VERSION_MISMATCH("VersionMismatch");

    private final String wire;

    UpdateStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
