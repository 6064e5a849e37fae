package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** DiagnosticsStatusNotification.req status. */
public enum DiagnosticsStatus implements WireEnum {
    IDLE("Idle"),
    UPLOADED("Uploaded"),
    UPLOAD_FAILED("UploadFailed"),
    UPLOADING("Uploading");

    private final String wire;

    DiagnosticsStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
