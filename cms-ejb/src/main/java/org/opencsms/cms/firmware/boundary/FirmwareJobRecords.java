package org.opencsms.cms.firmware.boundary;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.JobStatusView;
import org.opencsms.api.cms.MaintenanceJobView;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.firmware.entity.MaintenanceJob;
import org.opencsms.cms.firmware.entity.MaintenanceJobStatus;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/**
 * The job records and the status reports that move them on, each method one database transaction. A
 * status notification goes to the newest job of its kind of the charge point that was open when the
 * notification arrived (requested before, not closed before): reports handled out of order, as parallel
 * consumers may, still land on their job. A redelivered one (same status, same receive time) is stored once.
 */
@Stateless
public class FirmwareJobRecords {
    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;
    @EJB
    ChargePointActivity activity;

    /** A job as asked for. */
    public record JobRequest(String action, String location, Instant retrieveDate, Instant startTime,
                             Instant stopTime, Integer retries, Integer retryInterval) {
    }

    /**
     * Records a job about to be sent, open.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point, CONFLICT when it is not connected
     */
    public long prepare(String chargePointId, JobRequest request, String requestedBy) {
        ChargePoint cp = chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        OffsetDateTime now = Times.now();
        if (!chargePoints.isConnected(cp, Settings.nodeStaleAfter(), now)) {
            throw new CmsException(Reason.CONFLICT, "charge point " + chargePointId + " is not connected");
        }
        MaintenanceJob job = new MaintenanceJob(cp, request.action(), request.location(), utc(request.retrieveDate()),
                utc(request.startTime()), utc(request.stopTime()), request.retries(), request.retryInterval(),
                requestedBy, now);
        em.persist(job);
        em.flush();
        return job.getId();
    }

    /**
     * Records the command's answer; the first recorded stays. A job whose command failed is closed, and so is
     * a GetDiagnostics answered without a fileName (the charge point has no diagnostics to upload).
     */
    public MaintenanceJobView completed(long jobId, Long commandId, CommandResult result) {
        MaintenanceJob job = em.find(MaintenanceJob.class, jobId);
        if (job == null) {
            throw new CmsException(Reason.NOT_FOUND, "no job " + jobId);
        }
        if (!job.isAnswered()) {
            boolean answered = result.outcome() == CommandResult.Outcome.RESULT;
            String fileName = null;
            if (answered && MaintenanceJob.GET_DIAGNOSTICS.equals(job.getAction())
                    && json(result.payload()).get("fileName") instanceof JsonString name) {
                fileName = name.getString();
            }
            boolean nothingFollows = !answered
                    || (MaintenanceJob.GET_DIAGNOSTICS.equals(job.getAction()) && fileName == null);
            job.answered(commandId, result.outcome().name(), result.errorCode(), result.errorDescription(), fileName,
                    nothingFollows, Times.now());
        }
        return views(List.of(job)).get(0);
    }

    /** FirmwareStatusNotification: the charge point's status, and the history of its newest open firmware job. */
    public void firmwareStatus(String chargePointId, String status, Instant receivedAt) {
        activity.firmwareStatus(chargePointId, status, receivedAt);
        statusReported(chargePointId, MaintenanceJob.UPDATE_FIRMWARE, status, receivedAt);
    }

    /** DiagnosticsStatusNotification: as {@link #firmwareStatus}, for diagnostics jobs. */
    public void diagnosticsStatus(String chargePointId, String status, Instant receivedAt) {
        activity.diagnosticsStatus(chargePointId, status, receivedAt);
        statusReported(chargePointId, MaintenanceJob.GET_DIAGNOSTICS, status, receivedAt);
    }

    /** @throws CmsException NOT_FOUND for an unknown charge point */
    public List<MaintenanceJobView> jobs(String chargePointId, String action, int offset, int limit) {
        ChargePoint cp = chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        return views(em.createNamedQuery(MaintenanceJob.OF_CHARGE_POINT, MaintenanceJob.class)
                .setParameter("cp", cp).setParameter("action", action)
                .setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)))
                .getResultList());
    }

    private void statusReported(String chargePointId, String action, String status, Instant receivedAt) {
        // the charge point's row is locked by the activity above: reports of one charge point apply in turn
        ChargePoint cp = chargePoints.byIdentity(chargePointId).orElse(null);
        if (cp == null || status == null) {
            return;
        }
        OffsetDateTime at = Times.utc(receivedAt);
        long seen = em.createNamedQuery(MaintenanceJobStatus.SAME_REPORT, Long.class).setParameter("cp", cp)
                .setParameter("action", action).setParameter("status", status).setParameter("at", at)
                .getSingleResult();
        if (seen > 0) {
            return;
        }
        em.createNamedQuery(MaintenanceJob.NEWEST_OPEN, MaintenanceJob.class).setParameter("cp", cp)
                .setParameter("action", action).setParameter("at", at).setMaxResults(1)
                .getResultStream().findFirst().ifPresent(job -> {
                    em.persist(new MaintenanceJobStatus(job, status, at));
                    job.status(status, at);
                });
    }

    private List<MaintenanceJobView> views(List<MaintenanceJob> jobs) {
        Map<Long, List<JobStatusView>> history = new HashMap<>();
        if (!jobs.isEmpty()) {
            em.createNamedQuery(MaintenanceJobStatus.OF_JOBS, MaintenanceJobStatus.class)
                    .setParameter("jobs", jobs.stream().map(MaintenanceJob::getId).toList())
                    .getResultStream().forEach(s -> history.computeIfAbsent(s.getJob().getId(),
                            k -> new java.util.ArrayList<>()).add(new JobStatusView(s.getStatus(),
                            Times.instant(s.getReportedAt()))));
        }
        return jobs.stream().map(j -> new MaintenanceJobView(j.getId(), j.getChargePoint().getIdentity(),
                j.getAction(), j.getLocation(), Times.instant(j.getRetrieveDate()), Times.instant(j.getStartTime()),
                Times.instant(j.getStopTime()), j.getRetries(), j.getRetryInterval(), j.getRequestedBy(),
                Times.instant(j.getRequestedAt()), j.getCommandId(), j.getOutcome(), j.getErrorCode(),
                j.getErrorDescription(), Times.instant(j.getAnsweredAt()), j.getFileName(), j.getStatus(),
                Times.instant(j.getStatusAt()), Times.instant(j.getClosedAt()),
                List.copyOf(history.getOrDefault(j.getId(), List.of())))).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Times.utc(instant);
    }

    private static JsonObject json(String text) {
        try {
            return Json.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
