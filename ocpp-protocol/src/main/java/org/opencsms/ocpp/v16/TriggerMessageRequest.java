package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

public record TriggerMessageRequest(
        MessageTrigger requestedMessage,
        @Optional @Min(1) Integer connectorId) {
}
