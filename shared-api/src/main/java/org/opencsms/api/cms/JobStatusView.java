package org.opencsms.api.cms;

import java.time.Instant;

/** A status a charge point notified for a firmware or diagnostics job, and when it was received. */
public record JobStatusView(String status, Instant reportedAt) {
}
