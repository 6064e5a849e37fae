package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.MinItems;
import org.opencsms.ocpp.Optional;

import java.util.List;

public record MeterValuesRequest(
        @Min(0) Integer connectorId,
        @Optional Integer transactionId,
        @MinItems(1) List<MeterValue> meterValue) {
}
