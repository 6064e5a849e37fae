package org.opencsms.cms.smartcharging.boundary;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.ChargingProfileView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.CompositeScheduleAnswer;
import org.opencsms.api.cms.CompositeScheduleView;
import org.opencsms.api.cms.InstalledProfileView;
import org.opencsms.api.cms.ProfileInstallation;
import org.opencsms.api.cms.SchedulePeriodView;
import org.opencsms.api.cms.ScheduleView;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.api.cms.SmartCharging;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.smartcharging.control.ProfileDocuments;
import org.opencsms.cms.smartcharging.entity.Placement;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.v16.ChargingSchedule;
import org.opencsms.ocpp.v16.GetCompositeScheduleResponse;

/**
 * Sets, clears and reads charging profiles on charge points with the command component's one operation,
 * and records what the answers mean: the record of installed profiles changes, in a transaction of its
 * own, when the charge point accepted, before the caller's stage completes.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SmartChargingService implements SmartCharging {
    private static final Logger LOG = Logger.getLogger(SmartChargingService.class.getName());
    static final String SET = "SetChargingProfile";
    static final String CLEAR = "ClearChargingProfile";
    static final String COMPOSITE = "GetCompositeSchedule";
    private static final String ACCEPTED = "Accepted";

    @EJB
    ChargePointCommands commands;
    @EJB
    ChargingProfileService library;
    @EJB
    InstalledProfiles installed;

    @Override
    public CompletionStage<SentCommand> install(String chargePointId, ProfileInstallation request, String requestedBy) {
        if (request == null || request.profileId() == null) {
            throw new CmsException(Reason.INVALID, "a JSON body {\"profileId\":..,\"connectorId\":..} is required",
                    List.of("profileId: required property missing"));
        }
        int profileId = request.profileId();
        ChargingProfileView stored = library.find(profileId).orElseThrow(() -> new CmsException(Reason.INVALID,
                "no charging profile " + profileId, List.of("profileId: no charging profile " + profileId)));
        JsonObjectBuilder profile = Json.createObjectBuilder(stored.chargingProfile());
        if (request.transactionId() != null) {
            String purpose = stored.chargingProfile().getString(ProfileDocuments.PURPOSE);
            if (!Placement.TX_PROFILE.equals(purpose)) {
                throw new CmsException(Reason.INVALID, "transactionId is only for a TxProfile", List.of(
                        "transactionId: charging profile " + profileId + " is a " + purpose + ", not a TxProfile"));
            }
            profile.add(ProfileDocuments.TRANSACTION_ID, request.transactionId());
        }
        JsonObjectBuilder payload = Json.createObjectBuilder();
        if (request.connectorId() != null) {
            payload.add("connectorId", request.connectorId());
        }
        payload.add("csChargingProfiles", profile);
        return commands.send(chargePointId, SET, payload.build().toString(), requestedBy).thenApply(sent -> {
            if (ACCEPTED.equals(status(sent))) {
                record(() -> installed.installed(chargePointId, request.connectorId(), profileId,
                        request.transactionId(), sent.commandId()), sent);
            }
            return sent;
        });
    }

    @Override
    public List<InstalledProfileView> installed(String chargePointId) {
        return installed.list(chargePointId);
    }

    @Override
    public CompletionStage<SentCommand> clear(String chargePointId, Integer profileId, Integer connectorId,
                                              String purpose, Integer stackLevel, String requestedBy) {
        JsonObjectBuilder payload = Json.createObjectBuilder();
        if (profileId != null) {
            payload.add("id", profileId);
        }
        if (connectorId != null) {
            payload.add("connectorId", connectorId);
        }
        if (purpose != null) {
            payload.add("chargingProfilePurpose", purpose);
        }
        if (stackLevel != null) {
            payload.add("stackLevel", stackLevel);
        }
        return commands.send(chargePointId, CLEAR, payload.build().toString(), requestedBy).thenApply(sent -> {
            if (ACCEPTED.equals(status(sent))) {
                record(() -> installed.cleared(chargePointId, profileId, connectorId, purpose, stackLevel), sent);
            }
            return sent;
        });
    }

    @Override
    public CompletionStage<CompositeScheduleAnswer> compositeSchedule(String chargePointId, int connectorId, int duration,
                                                                      String chargingRateUnit, String requestedBy) {
        if (duration < 1) {
            throw new CmsException(Reason.INVALID, "duration must be at least 1 s", List.of("duration: must be >= 1"));
        }
        JsonObjectBuilder payload = Json.createObjectBuilder().add("connectorId", connectorId).add("duration", duration);
        if (chargingRateUnit != null) {
            payload.add("chargingRateUnit", chargingRateUnit);
        }
        return commands.send(chargePointId, COMPOSITE, payload.build().toString(), requestedBy)
                .thenApply(sent -> new CompositeScheduleAnswer(sent, schedule(sent.result())));
    }

    /** The typed answer of a GetCompositeSchedule; null unless it was a CALLRESULT (checked by the gateway already). */
    static CompositeScheduleView schedule(CommandResult result) {
        if (result.outcome() != CommandResult.Outcome.RESULT) {
            return null;
        }
        JsonObject json = ProfileDocuments.object(result.payload()).orElse(null);
        if (json == null) {
            return null;
        }
        try {
            GetCompositeScheduleResponse r = OcppVersion.OCPP16.codec().readPayload(GetCompositeScheduleResponse.class, json);
            return new CompositeScheduleView(r.status().wire(), r.connectorId(), r.scheduleStart(),
                    r.chargingSchedule() == null ? null : view(r.chargingSchedule()));
        } catch (OcppException e) {
            return null;
        }
    }

    private static ScheduleView view(ChargingSchedule s) {
        return new ScheduleView(s.duration(), s.startSchedule(), s.chargingRateUnit().wire(),
                s.chargingSchedulePeriod().stream()
                        .map(p -> new SchedulePeriodView(p.startPeriod(), p.limit(), p.numberPhases())).toList(),
                s.minChargingRate());
    }

    /** The status of a CALLRESULT, null for any other outcome. */
    static String status(SentCommand sent) {
        if (sent.result().outcome() != CommandResult.Outcome.RESULT) {
            return null;
        }
        return ProfileDocuments.object(sent.result().payload()).map(o -> o.getString("status", null)).orElse(null);
    }

    /** The caller learns the charge point's answer even when its record cannot be written. */
    private static void record(Runnable change, SentCommand sent) {
        try {
            change.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the charging profiles after command " + sent.commandId(), e);
        }
    }
}
