package org.opencsms.api.ocpp.v16;

public record StartTransactionResponse(
        IdTagInfo idTagInfo,
        Integer transactionId) {
}
