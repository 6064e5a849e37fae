package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

public record TriggerMessageRequest(
        MessageTrigger requestedMessage,
        @Optional @Min(1) Integer connectorId) {
}
