package org.opencsms.gateway.rest;

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

import org.opencsms.api.cms.LocalAuthorizationLists;
import org.opencsms.api.cms.LocalListRequest;
import org.opencsms.api.cms.LocalListUpdateView;
import org.opencsms.api.cms.LocalListView;

/**
 * A charge point's local authorization list: {@code POST} sends an update built by the CMS, {@code POST
 * .../version} asks the charge point for its list version, {@code GET} shows the confirmed version and the
 * updates. The CMS's {@link LocalAuthorizationLists} does all of it; this maps its records to HTTP.
 */
@Path("charge-points/{id}/local-list")
@Produces(MediaType.APPLICATION_JSON)
public class LocalListResource {
    @EJB
    LocalAuthorizationLists lists;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void send(@PathParam("id") String id, LocalListRequest request, @Suspended AsyncResponse async) {
        CommandOutcomes.submit(async, id, () -> lists.send(id, request, CommandOutcomes.caller(security)),
                LocalListUpdateView::outcome);
    }

    @POST
    @Path("version")
    public void readVersion(@PathParam("id") String id, @Suspended AsyncResponse async) {
        CommandOutcomes.submit(async, id, () -> lists.readVersion(id, CommandOutcomes.caller(security)),
                LocalListUpdateView::outcome);
    }

    @GET
    public LocalListView localList(@PathParam("id") String id,
                                   @QueryParam("offset") @DefaultValue("0") String offset,
                                   @QueryParam("limit") @DefaultValue("50") String limit) {
        return lists.localList(id, PageParams.offset(offset), PageParams.limit(limit));
    }
}
