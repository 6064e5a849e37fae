package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Optional;

public record StopTransactionResponse(
        @Optional IdTagInfo idTagInfo) {
}
