package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;

public record UnlockConnectorRequest(
        @Min(1) Integer connectorId) {
}
