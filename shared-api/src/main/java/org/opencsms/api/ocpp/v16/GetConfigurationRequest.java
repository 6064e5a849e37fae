package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Optional;

import java.util.List;

public record GetConfigurationRequest(
        @Optional List<@MaxLength(50) String> key) {
}
