package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Optional;

public record StopTransactionResponse(
        @Optional IdTagInfo idTagInfo) {
}
