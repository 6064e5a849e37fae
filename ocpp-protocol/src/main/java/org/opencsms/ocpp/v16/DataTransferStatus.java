package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** DataTransfer.conf status. */
public enum DataTransferStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    UNKNOWN_MESSAGE_ID("UnknownMessageId"),
    UNKNOWN_VENDOR_ID("UnknownVendorId");

    private final String wire;

    DataTransferStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
