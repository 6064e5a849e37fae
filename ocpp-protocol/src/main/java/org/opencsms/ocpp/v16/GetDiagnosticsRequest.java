package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Optional;
import org.opencsms.ocpp.Uri;

import java.time.Instant;

public record GetDiagnosticsRequest(
        @Uri String location,
        @Optional Integer retries,
        @Optional Integer retryInterval,
        @Optional Instant startTime,
        @Optional Instant stopTime) {
}
