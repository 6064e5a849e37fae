package org.opencsms.gateway.session;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;

/** The charge points connected to this node, one connection per charge point id. */
@ApplicationScoped
public class SessionRegistry {
    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

    private final ConcurrentMap<String, ChargePointConnection> connections = new ConcurrentHashMap<>();

    /** Registers a new connection; an older one for the same charge point is replaced and closed. */
    public void register(ChargePointConnection connection) {
        ChargePointConnection old = connections.put(connection.chargePointId(), connection);
        if (old != null && old != connection) {
            LOG.info(() -> "New connection of " + connection.chargePointId() + " replaces the previous one");
            old.outgoing().close();
            old.close(CloseReason.CloseCodes.NORMAL_CLOSURE, "replaced by a new connection");
        }
    }

    /**
     * Removes the connection if it is still the registered one: the close of a replaced socket
     * must not tear down the session that replaced it.
     *
     * @return whether it was the registered connection
     */
    public boolean unregister(ChargePointConnection connection) {
        return connections.remove(connection.chargePointId(), connection);
    }

    public Optional<ChargePointConnection> find(String chargePointId) {
        return Optional.ofNullable(connections.get(chargePointId));
    }

    public int count() {
        return connections.size();
    }

    public Collection<ChargePointConnection> all() {
        return List.copyOf(connections.values());
    }
}
