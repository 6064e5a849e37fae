package org.opencsms.ocpp.v16;

import java.time.Instant;

public record BootNotificationResponse(
        RegistrationStatus status,
        Instant currentTime,
        Integer interval) {
}
