package org.opencsms.api.cms;

import java.time.Instant;
import java.util.List;

/**
 * A firmware update or diagnostics upload and what became of it.
 *
 * @param action        UpdateFirmware or GetDiagnostics
 * @param retrieveDate  UpdateFirmware only
 * @param startTime     GetDiagnostics only
 * @param outcome       the command's: null while waiting; RESULT, CALL_ERROR, INVALID_RESPONSE, TIMEOUT or NOT_CONNECTED
 * @param fileName      GetDiagnostics' answer: the file the charge point uploads (none: it has no diagnostics)
 * @param status        the latest status the charge point notified (Downloading, Installed, Uploading, ...)
 * @param closedAt      when the job ended (a final status, a failed command); null while open
 * @param statusHistory every status notified for the job, newest first
 */
public record MaintenanceJobView(long id, String chargePointId, String action, String location, Instant retrieveDate,
                                 Instant startTime, Instant stopTime, Integer retries, Integer retryInterval,
                                 String requestedBy, Instant requestedAt, Long commandId, String outcome,
                                 String errorCode, String errorDescription, Instant answeredAt, String fileName,
                                 String status, Instant statusAt, Instant closedAt, List<JobStatusView> statusHistory) {
}
