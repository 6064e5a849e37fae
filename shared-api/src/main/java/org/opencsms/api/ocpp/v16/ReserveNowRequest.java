package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

import java.time.Instant;

public record ReserveNowRequest(
        @Min(0) Integer connectorId,
        Instant expiryDate,
        @MaxLength(20) String idTag,
        @Optional @MaxLength(20) String parentIdTag,
        Integer reservationId) {
}
