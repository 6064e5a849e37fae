package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

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
