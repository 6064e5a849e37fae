package org.opencsms.api.cms;

import java.time.Instant;

/**
 * GetCompositeSchedule.conf as the API shows it.
 *
 * @param status "Accepted" or "Rejected"; the others are null when Rejected
 */
public record CompositeScheduleView(String status, Integer connectorId, Instant scheduleStart,
                                    ScheduleView chargingSchedule) {
}
