package org.opencsms.gateway.rest;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.opencsms.gateway.platform.GatewaySettings;

/**
 * The HTTP answer to a CMS operation that sent a command and recorded what it means (a local list update,
 * a firmware job): the record, with the status of the command's outcome as {@link CommandResource} maps it
 * (200 answered, 502 CALLERROR or invalid answer, 504 no answer, 409 not connected).
 */
final class CommandOutcomes {
    /** Only if the CMS never completed the command (it always does, at its own timeout). */
    private static final Duration SAFETY_MARGIN = Duration.ofSeconds(15);

    static void suspend(AsyncResponse async, String chargePointId) {
        async.setTimeout(GatewaySettings.callTimeout().plus(SAFETY_MARGIN).toSeconds(), TimeUnit.SECONDS);
        async.setTimeoutHandler(r -> r.resume(ErrorMappers.error(504, "no answer for the command to " + chargePointId)));
    }

    /** Resumes {@code async} with the record once the stage completes; {@code outcome} reads its command outcome. */
    static <T> void resume(AsyncResponse async, CompletionStage<T> stage, Function<T, String> outcome) {
        stage.whenComplete((record, failure) -> async.resume(failure == null
                ? Response.status(status(outcome.apply(record))).type(MediaType.APPLICATION_JSON_TYPE).entity(record)
                .build()
                : failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
    }

    /**
     * Starts the CMS operation and answers once its stage completes: {@link #suspend}, then {@link #resume}; a
     * refusal before anything was sent (a CmsException) answers at once.
     */
    static <T> void submit(AsyncResponse async, String chargePointId, java.util.function.Supplier<CompletionStage<T>> operation,
                           Function<T, String> outcome) {
        suspend(async, chargePointId);
        try {
            resume(async, operation.get(), outcome);
        } catch (RuntimeException e) {
            async.resume(e);
        }
    }

    static int status(String outcome) {
        if (outcome == null) {
            return 202;
        }
        return switch (outcome) {
            case "RESULT" -> 200;
            case "TIMEOUT" -> 504;
            case "NOT_CONNECTED" -> 409;
            default -> 502;
        };
    }

    static String caller(SecurityContext security) {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }

    private CommandOutcomes() {
    }
}
