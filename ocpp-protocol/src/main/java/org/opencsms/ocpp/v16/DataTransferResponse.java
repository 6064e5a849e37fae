package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Optional;

public record DataTransferResponse(
        DataTransferStatus status,
        @Optional String data) {
}
