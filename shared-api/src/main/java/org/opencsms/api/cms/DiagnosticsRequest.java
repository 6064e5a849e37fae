package org.opencsms.api.cms;

import java.time.Instant;

/** GetDiagnostics as an operator asks for it: where to upload, the period of interest, how to retry. */
public record DiagnosticsRequest(String location, Instant startTime, Instant stopTime, Integer retries,
                                 Integer retryInterval) {
}
