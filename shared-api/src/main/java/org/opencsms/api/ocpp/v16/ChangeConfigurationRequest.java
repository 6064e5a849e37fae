package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;

public record ChangeConfigurationRequest(
        @MaxLength(50) String key,
        @MaxLength(500) String value) {
}
