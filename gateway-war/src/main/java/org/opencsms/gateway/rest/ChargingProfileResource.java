package org.opencsms.gateway.rest;

import java.net.URI;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.opencsms.api.cms.ChargingProfileLibrary;
import org.opencsms.api.cms.ChargingProfileView;

/**
 * The charging profile library: {@code /api/charging-profiles}. A profile is shown as it is taken: the
 * OCPP ChargingProfile's properties with {@code id} (= its {@code chargingProfileId}) and {@code description}.
 */
@Path("charging-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChargingProfileResource {
    @EJB
    ChargingProfileLibrary profiles;

    @POST
    public Response create(String body) {
        ChargingProfileView created = profiles.create(body);
        URI location = UriBuilder.fromResource(ChargingProfileResource.class).path("{id}").build(created.id());
        return Response.created(location).entity(json(created)).build();
    }

    @GET
    public JsonArray list(@QueryParam("description") String description,
                          @QueryParam("offset") @DefaultValue("0") String offset,
                          @QueryParam("limit") @DefaultValue("50") String limit) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        profiles.list(description, PageParams.offset(offset), PageParams.limit(limit)).forEach(p -> list.add(json(p)));
        return list.build();
    }

    @GET
    @Path("{id}")
    public JsonObject find(@PathParam("id") String id) {
        return profiles.find(id(id)).map(ChargingProfileResource::json).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    public JsonObject update(@PathParam("id") String id, String body) {
        return json(profiles.update(id(id), body));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!profiles.delete(id(id))) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    /** {"id", "description", then the OCPP ChargingProfile's properties}. */
    static JsonObject json(ChargingProfileView p) {
        return Json.createObjectBuilder().add("id", p.id())
                .add("description", p.description() == null ? JsonValue.NULL : Json.createValue(p.description()))
                .addAll(Json.createObjectBuilder(p.chargingProfile())).build();
    }

    private static int id(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            throw notFound(id);
        }
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no charging profile " + id);
    }
}
