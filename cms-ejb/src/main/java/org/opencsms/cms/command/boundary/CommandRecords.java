package org.opencsms.cms.command.boundary;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.CommandView;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.command.entity.CommandRecord;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/** The command records, each method one database transaction. */
@Stateless
public class CommandRecords {
    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;
    @EJB
    ConfigurationReads configurations;

    /** A recorded command and where it goes. */
    public record Opened(long commandId, String targetNode, String ocppVersion) {
    }

    /**
     * The OCPP version the charge point last connected with (a subprotocol name such as "ocpp1.6").
     *
     * @throws CmsException NOT_FOUND for an unknown charge point
     */
    public String ocppVersion(String chargePointId) {
        return chargePoint(chargePointId).getOcppVersion();
    }

    /** Closes, as TIMEOUT, the commands still open that were sent before {@code cutoff}; returns how many. */
    public int expireOpenBefore(OffsetDateTime cutoff) {
        return em.createNamedQuery(CommandRecord.EXPIRE_OPEN)
                .setParameter("outcome", CommandResult.Outcome.TIMEOUT.name())
                .setParameter("description", "no answer recorded: the node that sent the command stopped waiting")
                .setParameter("now", Times.now())
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** @throws CmsException NOT_FOUND for an unknown charge point, CONFLICT when it is not connected */
    public Opened open(String chargePointId, String action, String payload, String requestedBy) {
        ChargePoint cp = chargePoint(chargePointId);
        OffsetDateTime now = Times.now();
        if (!chargePoints.isConnected(cp, Settings.nodeStaleAfter(), now)) {
            throw new CmsException(Reason.CONFLICT, "charge point " + chargePointId + " is not connected");
        }
        CommandRecord record = new CommandRecord(cp, action, redacted(action, payload), requestedBy,
                cp.getSessionNode(), now);
        em.persist(record);
        em.flush();
        return new Opened(record.getId(), cp.getSessionNode(), cp.getOcppVersion());
    }

    public void completed(long commandId, CommandResult result) {
        CommandRecord record = em.find(CommandRecord.class, commandId);
        if (record == null) {
            return;
        }
        boolean first = record.getOutcome() == null;
        String response = result.outcome() == CommandResult.Outcome.RESULT ? result.payload() : result.errorDetails();
        OffsetDateTime now = Times.now();
        record.complete(result.outcome().name(), response, result.errorCode(), result.errorDescription(), now);
        // the one place every command's answer passes: a configuration read, whoever sent it, is kept
        if (first && result.outcome() == CommandResult.Outcome.RESULT
                && ConfigurationReads.GET_CONFIGURATION.equals(record.getAction())) {
            configurations.store(record.getChargePoint(), commandId, record.getPayload(), result.payload(), now);
        }
    }

    public List<CommandView> history(String chargePointId, int offset, int limit) {
        return em.createNamedQuery(CommandRecord.OF_CHARGE_POINT, CommandRecord.class)
                .setParameter("cp", chargePoint(chargePointId)).setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)))
                .getResultStream().map(CommandRecords::view).toList();
    }

    private ChargePoint chargePoint(String chargePointId) {
        return chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
    }

    private static CommandView view(CommandRecord c) {
        return new CommandView(c.getId(), c.getChargePoint().getIdentity(), c.getAction(), json(c.getPayload()),
                c.getRequestedBy(), c.getRequestedAt().toInstant(), c.getNodeId(), c.getOutcome(), json(c.getResponse()),
                c.getErrorCode(), c.getErrorDescription(),
                c.getCompletedAt() == null ? null : c.getCompletedAt().toInstant());
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.createReader(new StringReader(text)).readValue();
        } catch (JsonException e) {
            return Json.createValue(text);
        }
    }

    /**
     * The payload as the command history keeps it: a secret a command carries (the AuthorizationKey
     * set by ChangeConfiguration, security profile 1/2 passwords) is replaced by "***". The charge point
     * still gets the real payload.
     */
    static String redacted(String action, String payload) {
        if (!"ChangeConfiguration".equals(action) || payload == null) {
            return payload;
        }
        try {
            jakarta.json.JsonObject o = jakarta.json.Json.createReader(new java.io.StringReader(payload)).readObject();
            if (o.get("key") instanceof jakarta.json.JsonString key && "AuthorizationKey".equalsIgnoreCase(key.getString())) {
                return jakarta.json.Json.createObjectBuilder(o).add("value", "***").build().toString();
            }
            return payload;
        } catch (RuntimeException e) {
            return payload;
        }
    }
}
