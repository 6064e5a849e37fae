package org.opencsms.cms.locallist.boundary;

import java.util.concurrent.CompletionStage;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import org.opencsms.api.cms.ChargePointCommands;
import org.opencsms.api.cms.LocalAuthorizationLists;
import org.opencsms.api.cms.LocalListRequest;
import org.opencsms.api.cms.LocalListUpdateView;
import org.opencsms.api.cms.LocalListView;
import org.opencsms.api.cms.SentCommand;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.locallist.entity.LocalListUpdate;

/**
 * Local list updates, start to end: the update is built, versioned and recorded (committed), sent through
 * the one command operation, and its answer recorded in a transaction of its own when the command
 * completes; no transaction waits for the charge point.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LocalListService implements LocalAuthorizationLists {
    @EJB
    LocalListRecords records;
    @EJB
    ChargePointCommands commands;

    @Override
    public CompletionStage<LocalListUpdateView> send(String chargePointId, LocalListRequest request,
                                                     String requestedBy) {
        LocalListRecords.Prepared prepared = records.prepare(chargePointId, request, requestedBy);
        return exchange(chargePointId, LocalListUpdate.SEND, prepared.payload(), requestedBy,
                (commandId, result) -> records.completed(prepared.updateId(), commandId, result, prepared));
    }

    @Override
    public CompletionStage<LocalListUpdateView> readVersion(String chargePointId, String requestedBy) {
        long readId = records.prepareVersionRead(chargePointId, requestedBy);
        return exchange(chargePointId, LocalListUpdate.GET_VERSION, "{}", requestedBy,
                (commandId, result) -> records.completed(readId, commandId, result, null));
    }

    @Override
    public LocalListView localList(String chargePointId, int offset, int limit) {
        return records.view(chargePointId, offset, limit);
    }

    /** Records what became of the command, in a transaction of its own. */
    private interface UpdateCompletion {
        LocalListUpdateView record(Long commandId, CommandResult result);
    }

    private CompletionStage<LocalListUpdateView> exchange(String chargePointId, String action, String payload,
                                                          String requestedBy, UpdateCompletion completion) {
        CompletionStage<SentCommand> sent;
        try {
            sent = commands.send(chargePointId, action, payload, requestedBy);
        } catch (RuntimeException e) {
            // disconnected since the update was recorded, or the broker refused it: nothing was sent
            completion.record(null, CommandResult.of(CommandResult.Outcome.NOT_CONNECTED, "not sent: " + e.getMessage()));
            throw e;
        }
        return sent.thenApply(s -> completion.record(s.commandId(), s.result()));
    }
}
