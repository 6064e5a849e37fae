package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.WireEnum;

/** ChangeConfiguration.conf status. */
public enum ConfigurationStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    REBOOT_REQUIRED("RebootRequired"),
    NOT_SUPPORTED("NotSupported");

    private final String wire;

    ConfigurationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
