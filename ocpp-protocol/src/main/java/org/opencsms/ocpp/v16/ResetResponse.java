package org.opencsms.ocpp.v16;

public record ResetResponse(
        ResetStatus status) {
}
