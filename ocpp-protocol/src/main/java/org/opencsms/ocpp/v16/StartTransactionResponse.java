package org.opencsms.ocpp.v16;

public record StartTransactionResponse(
        IdTagInfo idTagInfo,
        Integer transactionId) {
}
