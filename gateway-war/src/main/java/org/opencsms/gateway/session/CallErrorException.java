package org.opencsms.gateway.session;

import jakarta.json.JsonObject;

/** The charge point answered our CALL with a CALLERROR. */
public class CallErrorException extends RuntimeException {
    private final String errorCode;
    private final String description;
    private final JsonObject details;

    public CallErrorException(String errorCode, String description, JsonObject details) {
        super(errorCode + ": " + description);
        this.errorCode = errorCode;
        this.description = description;
        this.details = details;
    }

    public String errorCode() { return errorCode; }
    public String description() { return description; }
    public JsonObject details() { return details; }
}
