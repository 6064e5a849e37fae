package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;

public record ChangeConfigurationRequest(
        @MaxLength(50) String key,
        @MaxLength(500) String value) {
}
