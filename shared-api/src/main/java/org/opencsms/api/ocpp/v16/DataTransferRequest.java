package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Optional;

public record DataTransferRequest(
        @MaxLength(255) String vendorId,
        @Optional @MaxLength(50) String messageId,
        @Optional String data) {
}
