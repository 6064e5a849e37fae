package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

public record DataTransferRequest(
        @MaxLength(255) String vendorId,
        @Optional @MaxLength(50) String messageId,
        @Optional String data) {
}
