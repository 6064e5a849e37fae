package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

public record RemoteStartTransactionRequest(
        @Optional @Min(1) Integer connectorId,
        @MaxLength(20) String idTag,
        @Optional ChargingProfile chargingProfile) {
}
