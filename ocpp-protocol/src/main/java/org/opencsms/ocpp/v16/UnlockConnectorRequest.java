package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;

public record UnlockConnectorRequest(
        @Min(1) Integer connectorId) {
}
