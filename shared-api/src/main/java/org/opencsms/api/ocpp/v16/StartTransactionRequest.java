package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

import java.time.Instant;

public record StartTransactionRequest(
        @Min(1) Integer connectorId,
        @MaxLength(20) String idTag,
        Integer meterStart,
        @Optional Integer reservationId,
        Instant timestamp) {
}
