package org.opencsms.gateway.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.opencsms.api.cms.CompositeScheduleAnswer;
import org.opencsms.api.cms.SmartCharging;

/**
 * {@code GET /api/charge-points/{id}/composite-schedule?connectorId=&duration=&chargingRateUnit=}: the charge
 * point's composite schedule (GetCompositeSchedule), typed; errors as for {@link CommandResource}.
 */
@Path("charge-points/{id}/composite-schedule")
@Produces(MediaType.APPLICATION_JSON)
public class CompositeScheduleResource {
    @EJB
    SmartCharging smartCharging;
    @Context
    SecurityContext security;

    @GET
    public void schedule(@PathParam("id") String id, @QueryParam("connectorId") String connectorId,
                         @QueryParam("duration") String duration, @QueryParam("chargingRateUnit") String unit,
                         @Suspended AsyncResponse async) {
        InstalledProfileResource.answer(id, async, () -> smartCharging.compositeSchedule(id,
                required("connectorId", connectorId), required("duration", duration),
                unit == null || unit.isEmpty() ? null : unit, InstalledProfileResource.caller(security)),
                CompositeScheduleResource::response);
    }

    private static Response response(CompositeScheduleAnswer answer) {
        return answer.schedule() != null ? Response.ok(answer.schedule()).build()
                : CommandResource.response(answer.command());
    }

    private static int required(String name, String value) {
        Integer n = InstalledProfileResource.optionalInt(name, value);
        if (n == null) {
            throw new BadRequest(name + " is required");
        }
        return n;
    }
}
