package org.opencsms.ocpp;

import jakarta.json.JsonObject;

/** {@code [4, messageId, errorCode, description, details]}; errorCode is the version's wire code. */
public record CallError(String messageId, String errorCode, String description, JsonObject details) implements Frame {
}
