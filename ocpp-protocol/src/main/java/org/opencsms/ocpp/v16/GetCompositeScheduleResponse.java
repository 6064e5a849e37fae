package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

import java.time.Instant;

public record GetCompositeScheduleResponse(
        GetCompositeScheduleStatus status,
        @Optional @Min(0) Integer connectorId,
        @Optional Instant scheduleStart,
        @Optional ChargingSchedule chargingSchedule) {
}
