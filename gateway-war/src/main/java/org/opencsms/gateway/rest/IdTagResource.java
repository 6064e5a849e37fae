package org.opencsms.gateway.rest;

import java.net.URI;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.opencsms.api.cms.IdTagAdmin;
import org.opencsms.api.cms.IdTagView;

@Path("id-tags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdTagResource {
    @EJB
    IdTagAdmin idTags;

    @POST
    public Response create(IdTagView request) {
        if (request == null) {
            throw new BadRequest("a JSON body {\"idTag\": ...} is required");
        }
        IdTagView created = idTags.create(request);
        // a template value, not template text: the tag may contain { and }
        URI location = UriBuilder.fromResource(IdTagResource.class).path("{idTag}").build(created.idTag());
        return Response.created(location).entity(created).build();
    }

    @GET
    public List<IdTagView> list() {
        return idTags.list();
    }

    @GET
    @Path("{idTag}")
    public IdTagView find(@PathParam("idTag") String idTag) {
        return idTags.find(idTag).orElseThrow(() -> notFound(idTag));
    }

    @PUT
    @Path("{idTag}")
    public IdTagView update(@PathParam("idTag") String idTag, IdTagView request) {
        return idTags.update(idTag, request);
    }

    @DELETE
    @Path("{idTag}")
    public Response delete(@PathParam("idTag") String idTag) {
        if (!idTags.delete(idTag)) {
            throw notFound(idTag);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String idTag) {
        return new NotFoundException("no id tag " + idTag);
    }
}
