package org.opencsms.gateway.ocpp;

import java.util.List;

import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Subprotocol choice: the first entry of the charge point's Sec-WebSocket-Protocol list that we serve, in
 * the charge point's order of preference. None acceptable: the handshake completes without the header
 * and the endpoint closes the session at once.
 */
public class OcppConfigurator extends ServerEndpointConfig.Configurator {
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        for (String wanted : requested) {
            for (String offered : wanted.split(",")) {
                if (supported.contains(offered.trim())) {
                    return offered.trim();
                }
            }
        }
        return "";
    }
}
