package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** ClearCache.conf status. */
public enum ClearCacheStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wire;

    ClearCacheStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
