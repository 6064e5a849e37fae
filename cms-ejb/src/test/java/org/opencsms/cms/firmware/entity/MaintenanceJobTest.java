package org.opencsms.cms.firmware.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class MaintenanceJobTest {
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-02T10:00:00Z");

    private static MaintenanceJob job(String action) {
        return new MaintenanceJob(null, action, "https://example.com/fw", T, null, null, null, null, "admin", T);
    }

    @Test
    void firmwareJobClosesOnItsFinalStatusesOnly() {
        MaintenanceJob job = job(MaintenanceJob.UPDATE_FIRMWARE);
        job.answered(1L, "RESULT", null, null, null, false, T);
        job.status("Downloading", T.plusSeconds(1));
        job.status("Downloaded", T.plusSeconds(2));
        job.status("Installing", T.plusSeconds(3));
        assertNull(job.getClosedAt());
        job.status("Installed", T.plusSeconds(4));
        assertEquals("Installed", job.getStatus());
        assertEquals(T.plusSeconds(4), job.getClosedAt());
        for (String s : new String[] {"InstallationFailed", "DownloadFailed"}) {
            assertTrue(MaintenanceJob.isFinal(MaintenanceJob.UPDATE_FIRMWARE, s));
        }
        assertFalse(MaintenanceJob.isFinal(MaintenanceJob.UPDATE_FIRMWARE, "Idle"));
        assertFalse(MaintenanceJob.isFinal(MaintenanceJob.UPDATE_FIRMWARE, "Uploaded"));
    }

    @Test
    void diagnosticsJobClosesOnUploadedOrUploadFailed() {
        assertTrue(MaintenanceJob.isFinal(MaintenanceJob.GET_DIAGNOSTICS, "Uploaded"));
        assertTrue(MaintenanceJob.isFinal(MaintenanceJob.GET_DIAGNOSTICS, "UploadFailed"));
        assertFalse(MaintenanceJob.isFinal(MaintenanceJob.GET_DIAGNOSTICS, "Uploading"));
        assertFalse(MaintenanceJob.isFinal(MaintenanceJob.GET_DIAGNOSTICS, "Installed"));
    }

    @Test
    void anOlderStatusArrivingLateDoesNotReplaceTheLatest() {
        MaintenanceJob job = job(MaintenanceJob.UPDATE_FIRMWARE);
        job.status("Downloaded", T.plusSeconds(2));
        job.status("Downloading", T.plusSeconds(1));
        assertEquals("Downloaded", job.getStatus());
    }

    @Test
    void aFailedCommandClosesTheJobAndTheFirstAnswerStaysClosed() {
        MaintenanceJob job = job(MaintenanceJob.GET_DIAGNOSTICS);
        job.answered(null, "TIMEOUT", null, "no answer", null, true, T);
        assertNotNull(job.getClosedAt());
        assertTrue(job.isAnswered());
    }
}
