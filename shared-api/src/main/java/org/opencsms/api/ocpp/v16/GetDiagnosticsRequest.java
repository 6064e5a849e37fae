package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Optional;
import org.opencsms.api.ocpp.Uri;

import java.time.Instant;

public record GetDiagnosticsRequest(
        @Uri String location,
        @Optional Integer retries,
        @Optional Integer retryInterval,
        @Optional Instant startTime,
        @Optional Instant stopTime) {
}
