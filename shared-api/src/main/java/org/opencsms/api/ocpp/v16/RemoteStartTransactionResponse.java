package org.opencsms.api.ocpp.v16;

public record RemoteStartTransactionResponse(
        RemoteStartStopStatus status) {
}
