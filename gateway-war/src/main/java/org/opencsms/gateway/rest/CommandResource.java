package org.opencsms.gateway.rest;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.ChargerCommands;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CommandView;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.ocpp.ActionDef;
import org.opencsms.api.ocpp.Direction;
import org.opencsms.api.ocpp.OcppException;
import org.opencsms.api.ocpp.OcppVersion;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.platform.GatewaySettings;

/**
 * Commands to chargers: {@code POST /api/charge-points/{id}/commands/{Action}} with the OCPP request
 * payload. 400 invalid payload or action, 404 unknown charger, 409 not connected, 200 with the
 * charger's CALLRESULT payload, 502 with its CALLERROR (or an invalid answer), 504 no answer in time.
 */
@Path("charge-points/{id}/commands")
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {
    /** Beyond the charger's call timeout: the command may wait behind a CALL in flight. */
    private static final Duration ROUTING_MARGIN = Duration.ofSeconds(5);

    @EJB
    ChargerCommands commands;
    @EJB
    ChargePointAdmin chargePoints;
    @Inject
    CmsClient cms;
    @Context
    SecurityContext security;

    @POST
    @Path("{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String id, @PathParam("action") String action, String body) {
        ChargePointView cp = chargePoints.find(id).orElseThrow(() -> new NotFoundException("no charge point " + id));
        OcppVersion version = OcppVersion.fromSubprotocol(cp.ocppVersion()).orElse(OcppVersion.OCPP16);
        ActionDef<?, ?> def = version.registry().find(action, Direction.CSMS_TO_CHARGER)
                .orElseThrow(() -> new BadRequest("unknown command " + action + " for " + version.subprotocol()));
        JsonObject payload = parse(body);
        try {
            version.codec().readPayload(def.requestType(), payload);
        } catch (OcppException e) {
            return ErrorMappers.error(400, "invalid " + action + " payload", e.violations());
        }
        Duration wait = GatewaySettings.callTimeout().plus(ROUTING_MARGIN);
        String correlationId = cms.newCorrelationId();
        CompletableFuture<CommandResult> answer = cms.await(correlationId, CommandResult.class, action, wait);
        long commandId;
        try {
            commandId = commands.dispatch(id, action, payload.toString(), caller(), correlationId);
        } catch (CmsException | jakarta.ejb.EJBException e) {
            answer.cancel(false);
            throw e;
        }
        CommandResult result;
        try {
            result = answer.get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            result = CommandResult.of(CommandResult.Outcome.TIMEOUT,
                    "no answer from the node holding " + id + " within " + wait.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = CommandResult.of(CommandResult.Outcome.TIMEOUT, "interrupted");
        }
        commands.completed(commandId, result);
        return response(commandId, result);
    }

    @GET
    public List<CommandView> history(@PathParam("id") String id,
                                     @QueryParam("offset") @DefaultValue("0") String offset,
                                     @QueryParam("limit") @DefaultValue("50") String limit) {
        return commands.history(id, PageParams.offset(offset), PageParams.limit(limit));
    }

    private static Response response(long commandId, CommandResult result) {
        return switch (result.outcome()) {
            case RESULT -> Response.ok(parse(result.payload())).header("X-Command-Id", commandId).build();
            case CALL_ERROR, INVALID_RESPONSE -> {
                JsonObjectBuilder error = Json.createObjectBuilder()
                        .add("status", 502)
                        .add("error", "the charger answered with an error")
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

    private String caller() {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequest("a JSON object with the OCPP request payload is required");
        }
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BadRequest("malformed JSON: a JSON object with the OCPP request payload is required");
        }
    }
}
