package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Optional;

public record KeyValue(
        @MaxLength(50) String key,
        Boolean readonly,
        @Optional @MaxLength(500) String value) {
}
