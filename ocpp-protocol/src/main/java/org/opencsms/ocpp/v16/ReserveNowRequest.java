package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

import java.time.Instant;

public record ReserveNowRequest(
        @Min(0) Integer connectorId,
        Instant expiryDate,
        @MaxLength(20) String idTag,
        @Optional @MaxLength(20) String parentIdTag,
        Integer reservationId) {
}
