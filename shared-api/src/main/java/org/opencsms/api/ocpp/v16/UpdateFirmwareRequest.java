package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Optional;
import org.opencsms.api.ocpp.Uri;

import java.time.Instant;

public record UpdateFirmwareRequest(
        @Uri String location,
        @Optional Integer retries,
        Instant retrieveDate,
        @Optional Integer retryInterval) {
}
