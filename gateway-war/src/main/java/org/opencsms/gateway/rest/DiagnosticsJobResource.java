package org.opencsms.gateway.rest;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.opencsms.api.cms.DiagnosticsRequest;
import org.opencsms.api.cms.FirmwareManagement;
import org.opencsms.api.cms.MaintenanceJobView;

/**
 * GetDiagnostics jobs of a charge point: {@code POST} sends GetDiagnostics and records the job, {@code GET} lists the
 * jobs with their status history, newest first. The CMS's {@link FirmwareManagement} does all of it.
 */
@Path("charge-points/{id}/diagnostics")
@Produces(MediaType.APPLICATION_JSON)
public class DiagnosticsJobResource {
    @EJB
    FirmwareManagement firmware;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void send(@PathParam("id") String id, DiagnosticsRequest request, @Suspended AsyncResponse async) {
        CommandOutcomes.submit(async, id, () -> firmware.getDiagnostics(id, request, CommandOutcomes.caller(security)),
                MaintenanceJobView::outcome);
    }

    @GET
    public List<MaintenanceJobView> jobs(@PathParam("id") String id,
                                         @QueryParam("offset") @DefaultValue("0") String offset,
                                         @QueryParam("limit") @DefaultValue("50") String limit) {
        return firmware.jobs(id, FirmwareManagement.GET_DIAGNOSTICS, PageParams.offset(offset), PageParams.limit(limit));
    }
}
