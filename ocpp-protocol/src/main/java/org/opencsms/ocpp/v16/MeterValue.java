package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MinItems;

import java.time.Instant;
import java.util.List;

public record MeterValue(
        Instant timestamp,
        @MinItems(1) List<SampledValue> sampledValue) {
}
