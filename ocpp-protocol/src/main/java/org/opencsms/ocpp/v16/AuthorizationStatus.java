package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** Status of an idTag in IdTagInfo. */
public enum AuthorizationStatus implements WireEnum {
    ACCEPTED("Accepted"),
    BLOCKED("Blocked"),
    EXPIRED("Expired"),
    INVALID("Invalid"),
    CONCURRENT_TX("ConcurrentTx");

    private final String wire;

    AuthorizationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
