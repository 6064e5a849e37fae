package org.opencsms.cms.firmware.entity;

import java.time.OffsetDateTime;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.opencsms.cms.chargepoint.entity.ChargePoint;

/**
 * An UpdateFirmware or GetDiagnostics job: the request, the command's answer and the latest status the
 * charge point notified. Open until a final status or a failed command closes it.
 */
@Entity
@Table(name = "maintenance_job")
@NamedQuery(name = MaintenanceJob.OF_CHARGE_POINT, query = "select j from MaintenanceJob j "
        + "where j.chargePoint = :cp and j.action = :action order by j.requestedAt desc, j.id desc")
@NamedQuery(name = MaintenanceJob.NEWEST_OPEN, query = "select j from MaintenanceJob j "
        + "where j.chargePoint = :cp and j.action = :action and (j.closedAt is null or j.closedAt > :at) "
        + "and j.requestedAt <= :at "
        + "order by j.requestedAt desc, j.id desc")
public class MaintenanceJob {
    public static final String OF_CHARGE_POINT = "MaintenanceJob.ofChargePoint";
    public static final String NEWEST_OPEN = "MaintenanceJob.newestOpen";
    public static final String UPDATE_FIRMWARE = "UpdateFirmware";
    public static final String GET_DIAGNOSTICS = "GetDiagnostics";
    /** FirmwareStatusNotification statuses after which nothing follows. */
    public static final Set<String> FIRMWARE_FINAL = Set.of("Installed", "InstallationFailed", "DownloadFailed");
    /** DiagnosticsStatusNotification statuses after which nothing follows. */
    public static final Set<String> DIAGNOSTICS_FINAL = Set.of("Uploaded", "UploadFailed");

    @Id
    @SequenceGenerator(name = "maintenance_job_seq", sequenceName = "maintenance_job_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "maintenance_job_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "charge_point_id")
    private ChargePoint chargePoint;
    private String action;
    private String location;
    @Column(name = "retrieve_date")
    private OffsetDateTime retrieveDate;
    @Column(name = "start_time")
    private OffsetDateTime startTime;
    @Column(name = "stop_time")
    private OffsetDateTime stopTime;
    private Integer retries;
    @Column(name = "retry_interval")
    private Integer retryInterval;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private OffsetDateTime requestedAt;
    @Column(name = "command_id")
    private Long commandId;
    private String outcome;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_description")
    private String errorDescription;
    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;
    @Column(name = "file_name")
    private String fileName;
    private String status;
    @Column(name = "status_at")
    private OffsetDateTime statusAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected MaintenanceJob() {
    }

    public MaintenanceJob(ChargePoint chargePoint, String action, String location, OffsetDateTime retrieveDate,
                          OffsetDateTime startTime, OffsetDateTime stopTime, Integer retries, Integer retryInterval,
                          String requestedBy, OffsetDateTime requestedAt) {
        this.chargePoint = chargePoint;
        this.action = action;
        this.location = location;
        this.retrieveDate = retrieveDate;
        this.startTime = startTime;
        this.stopTime = stopTime;
        this.retries = retries;
        this.retryInterval = retryInterval;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    public boolean isAnswered() {
        return outcome != null;
    }

    /**
     * The command's outcome; {@code close}: nothing will follow (the command failed, or GetDiagnostics found
     * no diagnostics to upload).
     */
    public void answered(Long commandId, String outcome, String errorCode, String errorDescription, String fileName,
                         boolean close, OffsetDateTime at) {
        this.commandId = commandId;
        this.outcome = outcome;
        this.errorCode = errorCode;
        this.errorDescription = errorDescription == null || errorDescription.length() <= 1000
                ? errorDescription : errorDescription.substring(0, 1000);
        this.fileName = fileName;
        this.answeredAt = at;
        if (close && closedAt == null) {
            closedAt = at;
        }
    }

    /**
     * A status notified for the job; a final one closes it. Reports may be handled out of the order in which
     * they arrived (parallel consumers): the latest by receive time is the status, the earliest final one closes.
     */
    public void status(String status, OffsetDateTime at) {
        if (statusAt == null || !at.isBefore(statusAt)) {
            this.status = status;
            this.statusAt = at;
        }
        if (isFinal(action, status) && (closedAt == null || at.isBefore(closedAt))) {
            closedAt = at;
        }
    }

    public static boolean isFinal(String action, String status) {
        return (UPDATE_FIRMWARE.equals(action) ? FIRMWARE_FINAL : DIAGNOSTICS_FINAL).contains(status);
    }

    public Long getId() { return id; }
    public ChargePoint getChargePoint() { return chargePoint; }
    public String getAction() { return action; }
    public String getLocation() { return location; }
    public OffsetDateTime getRetrieveDate() { return retrieveDate; }
    public OffsetDateTime getStartTime() { return startTime; }
    public OffsetDateTime getStopTime() { return stopTime; }
    public Integer getRetries() { return retries; }
    public Integer getRetryInterval() { return retryInterval; }
    public String getRequestedBy() { return requestedBy; }
    public OffsetDateTime getRequestedAt() { return requestedAt; }
    public Long getCommandId() { return commandId; }
    public String getOutcome() { return outcome; }
    public String getErrorCode() { return errorCode; }
    public String getErrorDescription() { return errorDescription; }
    public OffsetDateTime getAnsweredAt() { return answeredAt; }
    public String getFileName() { return fileName; }
    public String getStatus() { return status; }
    public OffsetDateTime getStatusAt() { return statusAt; }
    public OffsetDateTime getClosedAt() { return closedAt; }
}
