package org.opencsms.gateway.ocpp;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;

/**
 * Registers the OCPP endpoint with the WebSocket container explicitly instead of relying on the container's
 * annotation scan alone: on Payara Micro about every second start answered every upgrade with 404 (Tyrus had
 * no endpoint for /ocpp/{id}; those starts ran Tyrus' initializer before Soteria's). With this registration
 * 4 of 4 such starts connected. Open Liberty and Tyrus accepted it next to the scanned one; a container that
 * refuses it is logged at FINE (if it also lost the scanned endpoint, the upgrades get 404 again).
 */
@WebListener
public class EndpointRegistration implements ServletContextListener {
    private static final Logger LOG = Logger.getLogger(EndpointRegistration.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (!(container instanceof ServerContainer server)) {
            LOG.warning("No WebSocket container in this web application: charge points cannot connect");
            return;
        }
        try {
            server.addEndpoint(OcppEndpoint.class);
            LOG.fine("OCPP endpoint registered with the WebSocket container");
        } catch (DeploymentException | IllegalStateException refused) {
            LOG.log(Level.FINE, "The WebSocket container refused the explicit OCPP endpoint registration", refused);
        }
    }
}
