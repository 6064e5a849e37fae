package org.opencsms.gateway.session;

import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.CommandResult.Outcome;
import org.opencsms.ocpp.ActionDef;
import org.opencsms.ocpp.Direction;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppException;

/**
 * Runs a command on a charge point connected to this node: queued behind any CALL in flight to it, and
 * its answer checked against the action's response schema.
 */
@ApplicationScoped
public class CommandExecutor {
    private static final Logger LOG = Logger.getLogger(CommandExecutor.class.getName());

    @Inject
    SessionRegistry registry;

    public CompletableFuture<CommandResult> execute(String chargePointId, String action, JsonObject payload) {
        ChargePointConnection connection = registry.find(chargePointId).orElse(null);
        if (connection == null) {
            return CompletableFuture.completedFuture(
                    CommandResult.of(Outcome.NOT_CONNECTED, chargePointId + " is not connected to this node"));
        }
        OcppCodec codec = connection.codec();
        ActionDef<?, ?> def = codec.registry().find(action, Direction.CSMS_TO_CHARGER).orElse(null);
        if (def == null) {
            return CompletableFuture.completedFuture(new CommandResult(Outcome.CALL_ERROR, null, "NotSupported",
                    action + " is not a command of " + connection.version().subprotocol(), null));
        }
        return connection.outgoing().send(action, payload).handle((result, failure) -> {
            if (failure == null) {
                return checked(codec, def, result);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof CallErrorException e) {
                return new CommandResult(Outcome.CALL_ERROR, null, e.errorCode(), e.description(), text(e.details()));
            }
            if (cause instanceof CallTimeoutException e) {
                return CommandResult.of(Outcome.TIMEOUT, e.getMessage());
            }
            if (cause instanceof ConnectionClosedException e) {
                return CommandResult.of(Outcome.NOT_CONNECTED, e.getMessage());
            }
            LOG.warning(() -> action + " to " + chargePointId + " failed: " + cause);
            return CommandResult.of(Outcome.NOT_CONNECTED, String.valueOf(cause));
        });
    }

    private static CommandResult checked(OcppCodec codec, ActionDef<?, ?> def, JsonObject result) {
        try {
            Object answer = codec.readPayload(def.responseType(), result);
            // relaxed: the CMS gets the answer as the schema has it (what was tolerated corrected or dropped)
            JsonObject payload = codec.isRelaxed() ? codec.writePayload(answer) : result;
            return new CommandResult(Outcome.RESULT, text(payload), null, null, null);
        } catch (OcppException e) {
            return new CommandResult(Outcome.INVALID_RESPONSE, text(result), codec.registry().errorCode(e.error()),
                    "the charge point's answer violates the " + def.name() + " response schema: " + e.description(), null);
        }
    }

    private static String text(JsonStructure json) {
        if (json == null) {
            return null;
        }
        StringWriter out = new StringWriter();
        Json.createWriter(out).write(json);
        return out.toString();
    }
}
