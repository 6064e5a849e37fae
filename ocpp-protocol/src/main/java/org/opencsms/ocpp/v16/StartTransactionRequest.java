package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

import java.time.Instant;

public record StartTransactionRequest(
        @Min(1) Integer connectorId,
        @MaxLength(20) String idTag,
        Integer meterStart,
        @Optional Integer reservationId,
        Instant timestamp) {
}
