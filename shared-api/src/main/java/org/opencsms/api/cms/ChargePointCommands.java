package org.opencsms.api.cms;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.ejb.Local;

/**
 * Commands to charge points, the one operation behind the REST API (and any other client): validated,
 * recorded, routed to the node holding the charge point's socket, awaited and completed by the CMS.
 */
@Local
public interface ChargePointCommands {

    /**
     * Sends an OCPP command. Returns at once; the stage completes (never exceptionally) when the charge
     * point answered, when it answered with an error, or when no answer came within the call timeout
     * plus a routing margin; the command's record is completed with the same result before the stage.
     *
     * @param payload the OCPP request payload as JSON object text
     * @throws CmsException INVALID for an action the charge point's OCPP version does not have or a
     *                      payload that violates its schema (with the violations), NOT_FOUND for an
     *                      unknown charge point, CONFLICT when it is not connected
     */
    CompletionStage<SentCommand> send(String chargePointId, String action, String payload, String requestedBy);

    /**
     * Newest first.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point
     */
    List<CommandView> history(String chargePointId, int offset, int limit);
}
