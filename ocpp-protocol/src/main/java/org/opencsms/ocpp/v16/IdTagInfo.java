package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

import java.time.Instant;

public record IdTagInfo(
        @Optional Instant expiryDate,
        @Optional @MaxLength(20) String parentIdTag,
        AuthorizationStatus status) {
}
