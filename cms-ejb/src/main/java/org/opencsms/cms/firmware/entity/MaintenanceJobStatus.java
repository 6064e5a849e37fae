package org.opencsms.cms.firmware.entity;

import java.time.OffsetDateTime;

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

/** A status a charge point notified for a job, and when it was received. */
@Entity
@Table(name = "maintenance_job_status")
@NamedQuery(name = MaintenanceJobStatus.OF_JOBS, query = "select s from MaintenanceJobStatus s "
        + "where s.job.id in :jobs order by s.reportedAt desc, s.id desc")
@NamedQuery(name = MaintenanceJobStatus.SAME_REPORT, query = "select count(s) from MaintenanceJobStatus s "
        + "where s.job.chargePoint = :cp and s.job.action = :action and s.status = :status and s.reportedAt = :at")
public class MaintenanceJobStatus {
    public static final String OF_JOBS = "MaintenanceJobStatus.ofJobs";
    public static final String SAME_REPORT = "MaintenanceJobStatus.sameReport";

    @Id
    @SequenceGenerator(name = "maintenance_job_status_seq", sequenceName = "maintenance_job_status_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "maintenance_job_status_seq")
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "job_id")
    private MaintenanceJob job;
    @Column(nullable = false)
    private String status;
    @Column(name = "reported_at", nullable = false)
    private OffsetDateTime reportedAt;

    protected MaintenanceJobStatus() {
    }

    public MaintenanceJobStatus(MaintenanceJob job, String status, OffsetDateTime reportedAt) {
        this.job = job;
        this.status = status;
        this.reportedAt = reportedAt;
    }

    public MaintenanceJob getJob() { return job; }
    public String getStatus() { return status; }
    public OffsetDateTime getReportedAt() { return reportedAt; }
}
