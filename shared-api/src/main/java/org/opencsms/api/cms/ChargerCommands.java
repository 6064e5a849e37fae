package org.opencsms.api.cms;

import java.util.List;

import jakarta.ejb.Local;

import org.opencsms.api.messaging.CommandResult;

/** Commands to chargers: recorded, routed to the node holding the charger's socket, answered. */
@Local
public interface ChargerCommands {

    /**
     * Records the command and publishes it for the node holding the charger's socket; the answer goes
     * to this node's reply queue with the given correlation id.
     *
     * @param payload the OCPP request payload as JSON text, validated by the caller
     * @return the id of the recorded command
     * @throws CmsException NOT_FOUND for an unknown charger, CONFLICT when it is not connected
     */
    long dispatch(String chargePointId, String action, String payload, String requestedBy, String correlationId);

    /** Records what became of a command. */
    void completed(long commandId, CommandResult result);

    /**
     * Newest first.
     *
     * @throws CmsException NOT_FOUND for an unknown charger
     */
    List<CommandView> history(String chargePointId, int offset, int limit);
}
