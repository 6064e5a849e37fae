package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.WireEnum;

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
