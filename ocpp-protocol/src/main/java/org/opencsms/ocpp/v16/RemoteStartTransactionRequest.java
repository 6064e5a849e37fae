package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

public record RemoteStartTransactionRequest(
        @Optional @Min(1) Integer connectorId,
        @MaxLength(20) String idTag,
        @Optional ChargingProfile chargingProfile) {
}
