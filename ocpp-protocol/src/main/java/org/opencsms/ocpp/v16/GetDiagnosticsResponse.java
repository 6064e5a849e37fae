package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

public record GetDiagnosticsResponse(
        @Optional @MaxLength(255) String fileName) {
}
