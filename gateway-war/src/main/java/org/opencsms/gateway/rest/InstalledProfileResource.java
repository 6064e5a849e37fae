package org.opencsms.gateway.rest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.opencsms.api.cms.InstalledProfileView;
import org.opencsms.api.cms.ProfileInstallation;
import org.opencsms.api.cms.SmartCharging;
import org.opencsms.gateway.platform.GatewaySettings;

/**
 * Stored charging profiles on a charge point: {@code POST} sets one (SetChargingProfile), {@code GET} lists
 * those recorded as installed, {@code DELETE} clears by criteria (ClearChargingProfile). The CMS's
 * {@link SmartCharging} sends, awaits and records; this maps its result as {@link CommandResource} does.
 */
@Path("charge-points/{id}/charging-profiles")
@Produces(MediaType.APPLICATION_JSON)
public class InstalledProfileResource {
    /** Only if the CMS never completed the command (it always does, at its own timeout). */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(15);

    @EJB
    SmartCharging smartCharging;
    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public void install(@PathParam("id") String id, ProfileInstallation request, @Suspended AsyncResponse async) {
        answer(id, async, () -> smartCharging.install(id, request, caller(security)), CommandResource::response);
    }

    @GET
    public List<InstalledProfileView> installed(@PathParam("id") String id) {
        return smartCharging.installed(id);
    }

    @DELETE
    public void clear(@PathParam("id") String id, @QueryParam("profileId") String profileId,
                      @QueryParam("connectorId") String connectorId, @QueryParam("purpose") String purpose,
                      @QueryParam("stackLevel") String stackLevel, @Suspended AsyncResponse async) {
        answer(id, async, () -> smartCharging.clear(id, optionalInt("profileId", profileId),
                optionalInt("connectorId", connectorId), purpose == null || purpose.isEmpty() ? null : purpose,
                optionalInt("stackLevel", stackLevel), caller(security)), CommandResource::response);
    }

    /** Resumes {@code async} with what the stage brings, or with the failure the call threw at once. */
    static <T> void answer(String chargePointId, AsyncResponse async, Supplier<CompletionStage<T>> call,
                           Function<T, Response> response) {
        async.setTimeout(GatewaySettings.callTimeout().plus(SAFETY_MARGIN).toSeconds(), TimeUnit.SECONDS);
        async.setTimeoutHandler(r -> r.resume(ErrorMappers.error(504, "no answer for the command to " + chargePointId)));
        try {
            call.get().whenComplete((result, failure) -> async.resume(failure == null ? response.apply(result) : failure));
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    static String caller(SecurityContext security) {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    /** An optional whole-number query parameter: absent or empty is null, anything else but a number 400. */
    static Integer optionalInt(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be a whole number");
        }
    }
}
