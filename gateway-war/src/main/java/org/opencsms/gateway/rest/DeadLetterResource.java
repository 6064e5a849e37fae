package org.opencsms.gateway.rest;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.opencsms.api.cms.DeadLetterAdmin;
import org.opencsms.api.cms.DeadLetterView;

/**
 * Events the CMS could not store: {@code GET /api/dead-letters}, {@code POST /api/dead-letters/{id}/replay}
 * (200 and removed when it is stored now, 409 with the new failure when not), {@code DELETE
 * /api/dead-letters/{id}}.
 */
@Path("dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {
    @EJB
    DeadLetterAdmin deadLetters;

    @GET
    public List<DeadLetterView> list(@QueryParam("offset") @DefaultValue("0") String offset,
                                     @QueryParam("limit") @DefaultValue("50") String limit) {
        return deadLetters.list(PageParams.offset(offset), PageParams.limit(limit));
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") long id) {
        deadLetters.replay(id);
        return Response.ok(jakarta.json.Json.createObjectBuilder().add("replayed", id).build()).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!deadLetters.delete(id)) {
            throw new NotFoundException("no dead letter " + id);
        }
        return Response.noContent().build();
    }
}
