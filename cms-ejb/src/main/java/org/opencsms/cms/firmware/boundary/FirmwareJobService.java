package org.opencsms.cms.firmware.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.DiagnosticsRequest;
import org.opencsms.api.cms.FirmwareManagement;
import org.opencsms.api.cms.FirmwareUpdateRequest;
import org.opencsms.api.cms.MaintenanceJobView;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.firmware.boundary.FirmwareJobRecords.JobRequest;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.v16.GetDiagnosticsRequest;
import org.opencsms.ocpp.v16.UpdateFirmwareRequest;

/**
 * Firmware and diagnostics jobs, start to end: the request is checked against the OCPP schema, the job
 * recorded (committed, so the status notifications that may follow the answer at once find it), the
 * command sent through the one command operation, and its answer recorded in a transaction of its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FirmwareJobService implements FirmwareManagement {
    /** The longest location taken (OCPP sets no bound on anyURI; the job record keeps 1000 characters). */
    static final int MAX_LOCATION = 1000;

    @EJB
    FirmwareJobRecords records;
    @EJB
    ChargePointCommands commands;

    @Override
    public CompletionStage<MaintenanceJobView> updateFirmware(String chargePointId, FirmwareUpdateRequest request,
                                                              String requestedBy) {
        if (request == null) {
            throw new CmsException(Reason.INVALID, "a JSON body {\"location\": ..., \"retrieveDate\": ...} is required");
        }
        String payload = payload(UPDATE_FIRMWARE, request.location(), request.retries(), request.retryInterval(),
                new UpdateFirmwareRequest(request.location(), request.retries(), request.retrieveDate(),
                        request.retryInterval()));
        return run(chargePointId, new JobRequest(UPDATE_FIRMWARE, request.location(), request.retrieveDate(), null,
                null, request.retries(), request.retryInterval()), payload, requestedBy);
    }

    @Override
    public CompletionStage<MaintenanceJobView> getDiagnostics(String chargePointId, DiagnosticsRequest request,
                                                              String requestedBy) {
        if (request == null) {
            throw new CmsException(Reason.INVALID, "a JSON body {\"location\": ...} is required");
        }
        if (request.startTime() != null && request.stopTime() != null
                && request.stopTime().isBefore(request.startTime())) {
            throw new CmsException(Reason.INVALID, "invalid GetDiagnostics request",
                    List.of("stopTime must not be before startTime"));
        }
        String payload = payload(GET_DIAGNOSTICS, request.location(), request.retries(), request.retryInterval(),
                new GetDiagnosticsRequest(request.location(), request.retries(), request.retryInterval(),
                        request.startTime(), request.stopTime()));
        return run(chargePointId, new JobRequest(GET_DIAGNOSTICS, request.location(), null, request.startTime(),
                request.stopTime(), request.retries(), request.retryInterval()), payload, requestedBy);
    }

    @Override
    public List<MaintenanceJobView> jobs(String chargePointId, String action, int offset, int limit) {
        if (!UPDATE_FIRMWARE.equals(action) && !GET_DIAGNOSTICS.equals(action)) {
            throw new CmsException(Reason.INVALID, "no job kind " + action);
        }
        return records.jobs(chargePointId, action, offset, limit);
    }

    private CompletionStage<MaintenanceJobView> run(String chargePointId, JobRequest request, String payload,
                                                    String requestedBy) {
        long jobId = records.prepare(chargePointId, request, requestedBy);
        CompletionStage<SentCommand> sent;
        try {
            sent = commands.send(chargePointId, request.action(), payload, requestedBy);
        } catch (RuntimeException e) {
            // disconnected since the job was recorded, or the broker refused it: nothing was sent
            records.completed(jobId, null, CommandResult.of(CommandResult.Outcome.NOT_CONNECTED,
                    "not sent: " + e.getMessage()));
            throw e;
        }
        return sent.thenApply(s -> records.completed(jobId, s.commandId(), s.result()));
    }

    /**
     * The OCPP payload, or INVALID with every rule broken: the schema's (a location that is no URI, a
     * missing retrieveDate) and ours (the location's length, no negative retries or interval).
     */
    static String payload(String action, String location, Integer retries, Integer retryInterval, Object request) {
        List<String> violations = new ArrayList<>();
        if (location != null && location.length() > MAX_LOCATION) {
            violations.add("location: at most " + MAX_LOCATION + " characters");
        }
        if (retries != null && retries < 0) {
            violations.add("retries: must not be negative");
        }
        if (retryInterval != null && retryInterval < 0) {
            violations.add("retryInterval: must not be negative");
        }
        var codec = OcppVersion.OCPP16.codec();
        jakarta.json.JsonObject json = codec.writePayload(request);
        try {
            codec.readPayload(request.getClass(), json);
        } catch (OcppException e) {
            violations.addAll(e.violations());
        }
        if (!violations.isEmpty()) {
            throw new CmsException(Reason.INVALID, "invalid " + action + " request", violations);
        }
        return json.toString();
    }
}
