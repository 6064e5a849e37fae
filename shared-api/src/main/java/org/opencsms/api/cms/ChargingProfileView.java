package org.opencsms.api.cms;

import jakarta.json.JsonObject;

/**
 * A stored charging profile.
 *
 * @param id              the profile's OCPP {@code chargingProfileId}, assigned by the CSMS
 * @param chargingProfile the OCPP 1.6 {@code ChargingProfile}, its {@code chargingProfileId} = {@code id}
 */
public record ChargingProfileView(int id, String description, JsonObject chargingProfile) {
    public static final int MAX_DESCRIPTION = 255;
}
