package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

import java.util.List;

public record GetConfigurationResponse(
        @Optional List<KeyValue> configurationKey,
        @Optional List<@MaxLength(50) String> unknownKey) {
}
