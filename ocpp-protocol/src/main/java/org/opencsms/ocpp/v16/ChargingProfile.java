package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;

import java.time.Instant;

public record ChargingProfile(
        Integer chargingProfileId,
        @Optional Integer transactionId,
        @Min(0) Integer stackLevel,
        ChargingProfilePurposeType chargingProfilePurpose,
        ChargingProfileKindType chargingProfileKind,
        @Optional RecurrencyKindType recurrencyKind,
        @Optional Instant validFrom,
        @Optional Instant validTo,
        ChargingSchedule chargingSchedule) {
}
