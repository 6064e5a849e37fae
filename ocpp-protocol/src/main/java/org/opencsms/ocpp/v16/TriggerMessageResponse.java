package org.opencsms.ocpp.v16;

public record TriggerMessageResponse(
        TriggerMessageStatus status) {
}
