package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Optional;
import org.opencsms.ocpp.Uri;

import java.time.Instant;

public record UpdateFirmwareRequest(
        @Uri String location,
        @Optional Integer retries,
        Instant retrieveDate,
        @Optional Integer retryInterval) {
}
