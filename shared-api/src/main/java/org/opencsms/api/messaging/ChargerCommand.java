package org.opencsms.api.messaging;

/**
 * A command for a charger, as it travels on the command topic to the node holding the socket.
 *
 * @param payload the OCPP request payload as JSON text, already validated for the charger's version
 */
public record ChargerCommand(long commandId, String chargePointId, String ocppVersion, String action,
                             String payload) {
}
