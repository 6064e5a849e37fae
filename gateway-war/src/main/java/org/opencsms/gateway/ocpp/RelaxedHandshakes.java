package org.opencsms.gateway.ocpp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencsms.api.cms.ValidationMode;

/**
 * Carries a charge point's validation mode from its handshake ({@link HandshakeFilter}, which reads the charge
 * point anyway) to the socket it opens ({@link OcppEndpoint}), without a second database read per connection.
 * Only relaxed ones are remembered, until their socket opens: at most the registered charge points that are
 * relaxed.
 */
@ApplicationScoped
public class RelaxedHandshakes {
    private final Set<String> relaxed = ConcurrentHashMap.newKeySet();

    public void accepted(String chargePointId, ValidationMode mode) {
        if (mode == ValidationMode.RELAXED) {
            relaxed.add(chargePointId);
        } else {
            relaxed.remove(chargePointId);
        }
    }

    /** Whether the socket of this charge point, opening now, reads its messages relaxed. */
    public boolean opened(String chargePointId) {
        return relaxed.remove(chargePointId);
    }
}
