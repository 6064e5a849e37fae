package org.opencsms.gateway.rest;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.NewChargePoint;

@Path("charge-points")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChargePointResource {
    @EJB
    ChargePointAdmin chargePoints;

    @POST
    public Response register(NewChargePoint request) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"id\": ...} is required");
        }
        ChargePointView created = chargePoints.register(request);
        URI location = UriBuilder.fromResource(ChargePointResource.class).path("{id}").build(created.id());
        return Response.created(location).entity(created).build();
    }

    @GET
    public List<ChargePointView> list() {
        return chargePoints.list();
    }

    @GET
    @Path("{id}")
    public ChargePointView find(@PathParam("id") String id) {
        return chargePoints.find(id).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!chargePoints.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no charge point " + id);
    }
}
