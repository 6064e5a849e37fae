package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

import java.time.Instant;
import java.util.List;

public record StopTransactionRequest(
        @Optional @MaxLength(20) String idTag,
        Integer meterStop,
        Instant timestamp,
        Integer transactionId,
        @Optional Reason reason,
        @Optional List<MeterValue> transactionData) {
}
