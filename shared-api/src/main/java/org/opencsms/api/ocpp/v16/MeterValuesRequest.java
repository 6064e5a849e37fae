package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.MinItems;
import org.opencsms.api.ocpp.Optional;

import java.util.List;

public record MeterValuesRequest(
        @Min(0) Integer connectorId,
        @Optional Integer transactionId,
        @MinItems(1) List<MeterValue> meterValue) {
}
