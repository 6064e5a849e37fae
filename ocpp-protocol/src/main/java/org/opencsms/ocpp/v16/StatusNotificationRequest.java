package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

import java.time.Instant;

public record StatusNotificationRequest(
        @Min(0) Integer connectorId,
        ChargePointErrorCode errorCode,
        @Optional @MaxLength(50) String info,
        ChargePointStatus status,
        @Optional Instant timestamp,
        @Optional @MaxLength(255) String vendorId,
        @Optional @MaxLength(50) String vendorErrorCode) {
}
