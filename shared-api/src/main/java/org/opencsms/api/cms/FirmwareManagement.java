package org.opencsms.api.cms;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.Local;

/**
 * Firmware updates and diagnostics uploads (OCPP 1.6 feature profile FirmwareManagement) as jobs: the
 * command, the charge point's answer, and the status notifications it sends afterwards.
 */
@Local
public interface FirmwareManagement {
    String UPDATE_FIRMWARE = "UpdateFirmware";
    String GET_DIAGNOSTICS = "GetDiagnostics";

    /**
     * Records a job and sends UpdateFirmware. The stage completes with the job as recorded once the charge
     * point answered or the command failed or timed out.
     *
     * @throws CmsException INVALID for a bad request (with the violations), NOT_FOUND for an unknown charge
     *                      point, CONFLICT when it is not connected
     */
    CompletionStage<MaintenanceJobView> updateFirmware(String chargePointId, FirmwareUpdateRequest request,
                                                       String requestedBy);

    /** As {@link #updateFirmware}, with GetDiagnostics; the answer names the file the charge point will upload. */
    CompletionStage<MaintenanceJobView> getDiagnostics(String chargePointId, DiagnosticsRequest request,
                                                       String requestedBy);

    /**
     * The jobs of one kind ({@link #UPDATE_FIRMWARE} or {@link #GET_DIAGNOSTICS}), newest first, each with
     * its status history.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point
     */
    List<MaintenanceJobView> jobs(String chargePointId, String action, int offset, int limit);
}
