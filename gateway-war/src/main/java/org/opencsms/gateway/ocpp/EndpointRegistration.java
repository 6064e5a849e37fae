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
 * 4 of 4 such starts connected. Open Liberty and Tyrus accept it next to the scanned one; a container that
 * refuses it as a duplicate has the endpoint already, which is only logged at FINE.
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
        } catch (DeploymentException | IllegalStateException alreadyRegistered) {
            LOG.log(Level.FINE, "OCPP endpoint already registered by the container", alreadyRegistered);
        }
    }
}
