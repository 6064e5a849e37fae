package org.opencsms.gateway.rest;

import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.CommandView;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.api.messaging.CommandResult;

/**
 * Commands to charge points: {@code POST /api/charge-points/{id}/commands/{Action}} with the OCPP request
 * payload. 400 invalid payload or action, 404 unknown charge point, 409 not connected, 200 with the
 * charge point's CALLRESULT payload, 502 with its CALLERROR (or an invalid answer), 504 no answer in
 * time. The CMS's {@link ChargePointCommands#send} does all of it; this maps its result to HTTP, with an
 * asynchronous response: no container thread waits for a charge point.
 */
@Path("charge-points/{id}/commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {

    @EJB
    ChargePointCommands commands;
    @Context
    SecurityContext security;

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void send(@PathParam("id") String id, @PathParam("action") String action, String body,
                     @Suspended AsyncResponse async) {
        CommandOutcomes.suspend(async, id);
        try {
            commands.send(id, action, parse(body).toString(), CommandOutcomes.caller(security))
                    .whenComplete((sent, failure) -> async.resume(failure == null ? response(sent) : failure));
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    @GET
    public List<CommandView> history(@PathParam("id") String id,
                                     @QueryParam("offset") @DefaultValue("0") String offset,
                                     @QueryParam("limit") @DefaultValue("50") String limit) {
        return commands.history(id, PageParams.offset(offset), PageParams.limit(limit));
    }

    /** The HTTP answer to a command: also that of the operations that send one (smart charging). */
    static Response response(SentCommand sent) {
        long commandId = sent.commandId();
        CommandResult result = sent.result();
        return switch (result.outcome()) {
            case RESULT -> Response.ok(parse(result.payload())).header("X-Command-Id", commandId).build();
            case CALL_ERROR, INVALID_RESPONSE -> {
                JsonObjectBuilder error = Json.createObjectBuilder()
                        .add("status", 502)
                        .add("error", "the charge point answered with an error")
                        .add("commandId", commandId)
                        .add("errorCode", result.errorCode() == null ? "" : result.errorCode())
                        .add("errorDescription", result.errorDescription() == null ? "" : result.errorDescription());
                if (result.errorDetails() != null) {
                    error.add("errorDetails", parse(result.errorDetails()));
                }
                yield Response.status(502).type(MediaType.APPLICATION_JSON_TYPE).entity(error.build()).build();
            }
            case TIMEOUT -> ErrorMappers.error(504, result.errorDescription());
            case NOT_CONNECTED -> ErrorMappers.error(409, result.errorDescription());
        };
    }

    private static JsonObject parse(String body) {
        return JsonBodies.object(body, "a JSON object with the OCPP request payload");
    }
}
