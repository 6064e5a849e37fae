package org.opencsms.cms.chargepoint.boundary;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.chargepoint.entity.GatewayNode;

/** Look-ups shared by the charge point boundaries; joins the caller's transaction. */
@Stateless
public class ChargePoints {
    @PersistenceContext(unitName = "csms")
    EntityManager em;

    public Optional<ChargePoint> byIdentity(String identity) {
        return em.createNamedQuery(ChargePoint.BY_IDENTITY, ChargePoint.class)
                .setParameter("identity", identity)
                .getResultStream().findFirst();
    }

    /**
     * The charge point, its row locked until the transaction ends: updates from competing event
     * listeners (session opened and closed, status reports) are applied one after the other.
     */
    public Optional<ChargePoint> lockByIdentity(String identity) {
        return em.createNamedQuery(ChargePoint.BY_IDENTITY, ChargePoint.class)
                .setParameter("identity", identity)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Whether the charge point has a recorded session on a node that is still alive. */
    public boolean isConnected(ChargePoint cp, int staleAfterSeconds, OffsetDateTime now) {
        if (cp.getSessionId() == null) {
            return false;
        }
        GatewayNode node = em.find(GatewayNode.class, cp.getSessionNode());
        return node != null && node.getLastSeen().isAfter(now.minusSeconds(staleAfterSeconds));
    }
}
