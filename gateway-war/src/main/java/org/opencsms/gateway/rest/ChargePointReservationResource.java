package org.opencsms.gateway.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.opencsms.api.cms.ChargePointReservations;
import org.opencsms.api.cms.NewReservation;

/**
 * {@code POST /api/charge-points/{id}/reservations} {@code {"connectorId","idTag","expiryDate","parentIdTag"}}:
 * ReserveNow with a reservationId the CMS assigns; answered as {@link ReservationResource#respond} says.
 */
@Path("charge-points/{id}/reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ChargePointReservationResource {
    @EJB
    ChargePointReservations reservations;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void reserve(@PathParam("id") String id, NewReservation request, @Suspended AsyncResponse async) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"connectorId\",\"idTag\",\"expiryDate\"} is required");
        }
        ReservationResource.respond(async, uri, id,
                () -> reservations.reserve(id, request, CommandOutcomes.caller(security)), true);
    }
}
