package org.opencsms.api.cms;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.Local;

/**
 * Smart charging on charge points: stored profiles set and cleared through {@link ChargePointCommands},
 * the record of which profiles each charge point has, and its composite schedule. Each stage completes
 * as {@link ChargePointCommands#send}'s does; the record follows the charge point's answer before it.
 */
@Local
public interface SmartCharging {

    /**
     * SetChargingProfile with stored profile {@code request.profileId()} (and the transaction, when
     * given); when the charge point accepts, it is recorded as installed on the connector.
     *
     * @throws CmsException INVALID for a missing or unknown profile, a transaction for a profile other than
     *                      a TxProfile, a payload violating the schema; others as {@link ChargePointCommands#send}
     */
    CompletionStage<SentCommand> install(String chargePointId, ProfileInstallation request, String requestedBy);

    /**
     * The profiles recorded as installed on the charge point, by connector, then purpose and stack level.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point
     */
    List<InstalledProfileView> installed(String chargePointId);

    /**
     * ClearChargingProfile with the given criteria (each null: any); when the charge point accepts, the
     * matching records are cleared (by {@code profileId} alone when it is given, as the charge point does).
     *
     * @throws CmsException INVALID for criteria violating the schema; others as {@link ChargePointCommands#send}
     */
    CompletionStage<SentCommand> clear(String chargePointId, Integer profileId, Integer connectorId, String purpose,
                                       Integer stackLevel, String requestedBy);

    /**
     * GetCompositeSchedule; the answer's schedule typed when the charge point answered.
     *
     * @param chargingRateUnit "A", "W" or null
     * @throws CmsException INVALID for a duration below 1 or values violating the schema; others as
     *                      {@link ChargePointCommands#send}
     */
    CompletionStage<CompositeScheduleAnswer> compositeSchedule(String chargePointId, int connectorId, int duration,
                                                               String chargingRateUnit, String requestedBy);
}
