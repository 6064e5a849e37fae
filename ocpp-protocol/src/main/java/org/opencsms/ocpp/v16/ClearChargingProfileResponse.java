package org.opencsms.ocpp.v16;

public record ClearChargingProfileResponse(
        ClearChargingProfileStatus status) {
}
