package org.opencsms.ocpp.v16;

import java.time.Instant;

public record HeartbeatResponse(
        Instant currentTime) {
}
