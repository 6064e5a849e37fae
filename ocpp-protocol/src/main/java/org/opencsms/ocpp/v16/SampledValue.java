package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Optional;

public record SampledValue(
        String value,
        @Optional ReadingContext context,
        @Optional ValueFormat format,
        @Optional Measurand measurand,
        @Optional Phase phase,
        @Optional Location location,
        @Optional UnitOfMeasure unit) {
}
