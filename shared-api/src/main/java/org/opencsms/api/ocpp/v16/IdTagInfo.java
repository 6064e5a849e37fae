package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Optional;

import java.time.Instant;

public record IdTagInfo(
        @Optional Instant expiryDate,
        @Optional @MaxLength(20) String parentIdTag,
        AuthorizationStatus status) {
}
