package org.opencsms.api.ocpp.v16;

public record FirmwareStatusNotificationRequest(
        FirmwareStatus status) {
}
