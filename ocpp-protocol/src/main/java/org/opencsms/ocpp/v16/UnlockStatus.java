package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** UnlockConnector.conf status. */
public enum UnlockStatus implements WireEnum {
    UNLOCKED("Unlocked"),
    UNLOCK_FAILED("UnlockFailed"),
    NOT_SUPPORTED("NotSupported");

    private final String wire;

    UnlockStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
