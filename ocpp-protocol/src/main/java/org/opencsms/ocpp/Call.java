package org.opencsms.ocpp;

import jakarta.json.JsonObject;

/** {@code [2, messageId, action, payload]} */
public record Call(String messageId, String action, JsonObject payload) implements Frame {
}
