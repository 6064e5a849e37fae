package org.opencsms.api.cms;

import java.time.Instant;

import jakarta.json.JsonValue;

/**
 * A recorded command and its answer.
 *
 * @param outcome  null while pending; else RESULT, CALL_ERROR, INVALID_RESPONSE, TIMEOUT or NOT_CONNECTED
 * @param response the charge point's CALLRESULT payload, or its CALLERROR details
 */
public record CommandView(long id, String chargePointId, String action, JsonValue payload, String requestedBy,
                          Instant requestedAt, String node, String outcome, JsonValue response, String errorCode,
                          String errorDescription, Instant completedAt) {
}
