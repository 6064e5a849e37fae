package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Optional;

public record DataTransferResponse(
        DataTransferStatus status,
        @Optional String data) {
}
