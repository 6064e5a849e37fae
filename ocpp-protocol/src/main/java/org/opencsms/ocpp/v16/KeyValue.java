package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

public record KeyValue(
        @MaxLength(50) String key,
        Boolean readonly,
        @Optional @MaxLength(500) String value) {
}
