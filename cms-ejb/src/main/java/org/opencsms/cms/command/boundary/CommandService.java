package org.opencsms.cms.command.boundary;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.CommandView;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.ChargePointCommand;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.Destinations;
import org.opencsms.api.messaging.MessageProperties;
import org.opencsms.messaging.jms.JmsSender;
import org.opencsms.cms.platform.CmsSender;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.smartcharging.boundary.ChargingProfileService;
import org.opencsms.ocpp.ActionDef;
import org.opencsms.ocpp.Direction;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;

/**
 * The command exchange, start to end: validates the command against the charge point's OCPP version,
 * records it (committed before anything is sent: no XA between database and broker), publishes it on
 * the command topic for the node that, per the shared record of connections, holds the socket, and
 * hands back a stage that {@link PendingCommands} completes with the answer from this node's command
 * reply queue or with a timeout, after completing the record.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandService implements ChargePointCommands {
    static final String COMMAND_TYPE = "Command";
    /** Beyond the charge point's call timeout: the command may wait behind a CALL in flight. */
    static final Duration ROUTING_MARGIN = Duration.ofSeconds(5);
    private static final String CORRELATION_PREFIX = "command-";

    @EJB
    CommandRecords records;
    @EJB
    PendingCommands pending;
    @EJB
    ChargingProfileService chargingProfiles;
    @Inject
    CmsSender sender;
    @Resource(lookup = Destinations.COMMAND_TOPIC)
    Topic commands;
    @Resource(lookup = Destinations.COMMAND_REPLY_QUEUE)
    Queue replies;

    @Override
    public CompletionStage<SentCommand> send(String chargePointId, String action, String requested, String requestedBy) {
        String ocppVersion = records.ocppVersion(chargePointId);
        // a RemoteStartTransaction may name a stored profile: validated, recorded and sent with the profile itself
        String payload = chargingProfiles.withStoredProfile(ocppVersion, action, requested);
        validate(ocppVersion, action, payload);
        CommandRecords.Opened opened = records.open(chargePointId, action, payload, requestedBy);
        Duration wait = Settings.callTimeout().plus(ROUTING_MARGIN);
        CompletionStage<CommandResult> answer = pending.expect(opened.commandId(), wait,
                "no answer from the node holding " + chargePointId + " within " + wait.toSeconds() + " s");
        try {
            sender.get().send(commands, Bodies.toJson(new ChargePointCommand(opened.commandId(),
                            chargePointId, opened.ocppVersion(), action, payload)),
                    Map.of(MessageProperties.TYPE, COMMAND_TYPE, MessageProperties.CHARGE_POINT_ID, chargePointId,
                            MessageProperties.TARGET_NODE, opened.targetNode(), MessageProperties.ACTION, action),
                    // a command nobody waits for any more must not reach the charge point late
                    new JmsSender.Options(DeliveryMode.NON_PERSISTENT, wait.toMillis(),
                            correlationId(opened.commandId()), replies));
        } catch (JMSRuntimeException e) {
            pending.complete(opened.commandId(), CommandResult.of(CommandResult.Outcome.NOT_CONNECTED,
                    "could not publish the command: " + e.getMessage()));
            throw e;
        }
        return answer.thenApply(result -> new SentCommand(opened.commandId(), result));
    }

    @Override
    public List<CommandView> history(String chargePointId, int offset, int limit) {
        return records.history(chargePointId, offset, limit);
    }

    /** The correlation id of a command's exchange: its record's id, unique across nodes. */
    static String correlationId(long commandId) {
        return CORRELATION_PREFIX + commandId;
    }

    /** The command a reply's correlation id names, or -1 for one that names none. */
    public static long commandId(String correlationId) {
        if (correlationId == null || !correlationId.startsWith(CORRELATION_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(correlationId.substring(CORRELATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @throws CmsException INVALID: an action the version does not send to charge points, a payload off its schema */
    static void validate(String ocppVersion, String action, String payload) {
        OcppVersion version = OcppVersion.fromSubprotocol(ocppVersion).orElse(OcppVersion.OCPP16);
        ActionDef<?, ?> def = version.registry().find(action, Direction.CSMS_TO_CHARGER)
                .orElseThrow(() -> new CmsException(Reason.INVALID, "unknown command " + action + " for "
                        + version.subprotocol()));
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(payload)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new CmsException(Reason.INVALID, "a JSON object with the OCPP request payload is required");
        }
        try {
            version.codec().readPayload(def.requestType(), json);
        } catch (OcppException e) {
            throw new CmsException(Reason.INVALID, "invalid " + action + " payload", e.violations());
        }
    }
}
