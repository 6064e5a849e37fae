package org.opencsms.api.cms;

import java.time.Instant;

/** An event the CMS keeps because it could not store it; its body is the event as the gateway sent it. */
public record DeadLetterView(long id, String type, String chargePointId, String body, String failure, int attempts,
                             Instant firstFailedAt, Instant lastFailedAt) {
}
