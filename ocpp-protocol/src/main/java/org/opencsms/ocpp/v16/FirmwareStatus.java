package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.WireEnum;

/** FirmwareStatusNotification.req status. */
public enum FirmwareStatus implements WireEnum {
    DOWNLOADED("Downloaded"),
    DOWNLOAD_FAILED("DownloadFailed"),
    DOWNLOADING("Downloading"),
    IDLE("Idle"),
    INSTALLATION_FAILED("InstallationFailed"),
    INSTALLING("Installing"),
    INSTALLED("Installed");

    private final String wire;

    FirmwareStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
