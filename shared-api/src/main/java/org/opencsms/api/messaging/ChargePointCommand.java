package org.opencsms.api.messaging;

/**
 * A command for a charge point, as it travels on the command topic to the node holding the socket.
 *
 * @param payload the OCPP request payload as JSON text, already validated for the charge point's version
 */
public record ChargePointCommand(long commandId, String chargePointId, String ocppVersion, String action,
                             String payload) {
}
