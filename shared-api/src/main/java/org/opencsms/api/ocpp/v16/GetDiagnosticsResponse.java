package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Optional;

public record GetDiagnosticsResponse(
        @Optional @MaxLength(255) String fileName) {
}
