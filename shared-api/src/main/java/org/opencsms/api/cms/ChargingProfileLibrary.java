package org.opencsms.api.cms;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Local;

/**
 * The library of OCPP 1.6 charging profiles (smart charging): profiles kept by the CSMS, to be set on
 * charge points ({@link SmartCharging}) or named by a RemoteStartTransaction. The CSMS assigns each
 * profile's {@code chargingProfileId}, the profile's id.
 */
@Local
public interface ChargingProfileLibrary {

    /**
     * Stores a profile.
     *
     * @param json an OCPP 1.6 {@code ChargingProfile} as JSON object text without {@code chargingProfileId}
     *             and {@code transactionId}, plus an optional {@code "description"} (up to
     *             {@value ChargingProfileView#MAX_DESCRIPTION} characters)
     * @throws CmsException INVALID when it violates the OCPP schema (with the violations)
     */
    ChargingProfileView create(String json);

    /** Oldest first; {@code descriptionContains} (case-insensitive) null or blank: all. */
    List<ChargingProfileView> list(String descriptionContains, int offset, int limit);

    Optional<ChargingProfileView> find(int id);

    /**
     * Replaces a stored profile (charge points that have it keep their copy until it is set again).
     *
     * @param json as for {@link #create}; {@code id} and {@code chargingProfileId} may be given if equal to {@code id}
     * @throws CmsException NOT_FOUND for an unknown profile, INVALID as for {@link #create}
     */
    ChargingProfileView update(int id, String json);

    /**
     * @return false when no such profile existed
     * @throws CmsException CONFLICT while the profile is recorded as installed on a charge point
     */
    boolean delete(int id);
}
