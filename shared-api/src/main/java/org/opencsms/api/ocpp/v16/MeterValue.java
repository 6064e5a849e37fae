package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MinItems;

import java.time.Instant;
import java.util.List;

public record MeterValue(
        Instant timestamp,
        @MinItems(1) List<SampledValue> sampledValue) {
}
