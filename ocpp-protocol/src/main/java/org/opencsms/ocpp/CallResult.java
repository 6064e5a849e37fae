package org.opencsms.ocpp;

import jakarta.json.JsonObject;

/** {@code [3, messageId, payload]} */
public record CallResult(String messageId, JsonObject payload) implements Frame {
}
