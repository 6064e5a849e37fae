package org.opencsms.gateway.rest;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import jakarta.ws.rs.core.UriInfo;

import org.opencsms.api.cms.ChargePointReservations;
import org.opencsms.api.cms.ReservationReply;
import org.opencsms.api.cms.ReservationView;

/**
 * Reservations: {@code GET /api/reservations[?chargePointId=&active=]}, {@code GET /api/reservations/{id}} and
 * {@code DELETE /api/reservations/{id}} (CancelReservation; the reservation stays readable with its status).
 * Made with {@code POST /api/charge-points/{id}/reservations} ({@link ChargePointReservationResource}). The CMS's
 * {@link ChargePointReservations} does all of it; this maps its results to HTTP.
 */
@Path("reservations")
@Produces(MediaType.APPLICATION_JSON)
public class ReservationResource {

    @EJB
    ChargePointReservations reservations;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    /** Newest first; {@code active=true}: Pending or Accepted and not expired, {@code false}: the others. */
    @GET
    public List<ReservationView> list(@QueryParam("chargePointId") String chargePointId,
                                      @QueryParam("active") String active,
                                      @QueryParam("offset") @DefaultValue("0") String offset,
                                      @QueryParam("limit") @DefaultValue("50") String limit) {
        Boolean activeFilter = PageParams.flag("active", active);
        int from = PageParams.offset(offset);
        int size = PageParams.limit(limit);
        return reservations.list(chargePointId == null || chargePointId.isEmpty() ? null : chargePointId,
                activeFilter, from, size);
    }

    @GET
    @Path("{id}")
    public ReservationView find(@PathParam("id") String id) {
        return reservations.find(reservationId(id)).orElseThrow(() -> notFound(id));
    }

    /** 200 with the reservation after the charge point's answer (Cancelled when it accepted); see {@link #respond}. */
    @DELETE
    @Path("{id}")
    public void cancel(@PathParam("id") String id, @Suspended AsyncResponse async) {
        respond(async, uri, id, () -> reservations.cancel(reservationId(id), CommandOutcomes.caller(security)), false);
    }

    /**
     * Resumes {@code async} with the reservation once the command about it ended: 201 (a new reservation, with
     * its Location) or 200 when the charge point answered, whatever it answered (the status says it); 502 when it
     * answered with a CALLERROR or off the schema, 504 with no answer in time, 409 when it was not connected;
     * each with the reservation as recorded. A refusal before anything was sent (400, 404, 409) is an error body.
     */
    static void respond(AsyncResponse async, UriInfo uri, String target,
                        java.util.function.Supplier<CompletionStage<ReservationReply>> command, boolean created) {
        CommandOutcomes.suspend(async, target);
        try {
            // absolute: a relative Location is not resolved on an asynchronous response everywhere; read on the
            // request's thread (the answer completes on another)
            jakarta.ws.rs.core.UriBuilder base = uri.getBaseUriBuilder().path(ReservationResource.class).path("{id}");
            java.util.function.IntFunction<URI> location = reservationId -> base.clone().build(reservationId);
            command.get().whenComplete((reply, failure) -> async.resume(failure == null
                    ? response(reply, location.apply(reply.reservation().id()), created) : failure));
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    private static Response response(ReservationReply reply, URI location, boolean created) {
        ReservationView r = reply.reservation();
        return switch (reply.outcome()) {
            case RESULT -> created
                    ? Response.created(location).entity(r).type(MediaType.APPLICATION_JSON_TYPE).build()
                    : Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
            case CALL_ERROR, INVALID_RESPONSE -> withStatus(502, r, location);
            case TIMEOUT -> withStatus(504, r, location);
            case NOT_CONNECTED -> withStatus(409, r, location);
        };
    }

    private static Response withStatus(int status, ReservationView r, URI location) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).location(location).entity(r).build();
    }

    private static int reservationId(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no reservation " + id);
    }
}
