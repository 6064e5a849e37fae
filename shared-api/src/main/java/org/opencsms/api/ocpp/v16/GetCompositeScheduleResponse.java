package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Min;
import org.opencsms.api.ocpp.Optional;

import java.time.Instant;

public record GetCompositeScheduleResponse(
        GetCompositeScheduleStatus status,
        @Optional @Min(0) Integer connectorId,
        @Optional Instant scheduleStart,
        @Optional ChargingSchedule chargingSchedule) {
}
