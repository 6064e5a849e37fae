package org.opencsms.cms.smartcharging.boundary;

import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.InstalledProfileView;
import org.opencsms.cms.chargepoint.boundary.ChargePointRebooted;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.platform.Times;
import org.opencsms.cms.smartcharging.control.ProfileRules;
import org.opencsms.cms.smartcharging.entity.InstalledChargingProfile;
import org.opencsms.cms.smartcharging.entity.Placement;
import org.opencsms.cms.smartcharging.entity.StoredChargingProfile;

/**
 * The record of which stored profiles each charge point has. A charge point's records change with its
 * row locked, like every report of it: an answer to SetChargingProfile, a StopTransaction and a
 * BootNotification of the same charge point are applied one after the other.
 */
@Stateless
public class InstalledProfiles {
    private static final Logger LOG = Logger.getLogger(InstalledProfiles.class.getName());

    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;

    /**
     * The charge point accepted the stored profile on the connector: recorded, replacing what it replaces
     * there. A new transaction: called when the answer came, outside the request's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void installed(String chargePointId, int connectorId, int profileId, Integer transactionId, long commandId) {
        ChargePoint cp = chargePoints.lockByIdentity(chargePointId).orElse(null);
        StoredChargingProfile profile = em.find(StoredChargingProfile.class, profileId);
        if (cp == null || profile == null) {
            LOG.info(() -> "Charging profile " + profileId + " accepted by " + chargePointId
                    + " not recorded: the charge point or the profile was deleted meanwhile");
            return;
        }
        Placement placement = new Placement(profileId, connectorId, profile.getPurpose(), profile.getStackLevel(),
                transactionId);
        remove(cp, existing -> ProfileRules.replacedBy(existing, placement));
        em.persist(new InstalledChargingProfile(cp, placement, commandId, Times.now()));
    }

    /** The charge point accepted a ClearChargingProfile with these criteria (null: any). A new transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int cleared(String chargePointId, Integer profileId, Integer connectorId, String purpose, Integer stackLevel) {
        return chargePoints.lockByIdentity(chargePointId)
                .map(cp -> remove(cp, existing -> ProfileRules.clearedBy(existing, profileId, connectorId, purpose,
                        stackLevel)))
                .orElse(0);
    }

    /** A transaction stopped: its TxProfiles are gone. In the caller's transaction, the charge point's row locked. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public int transactionEnded(ChargePoint cp, int connectorId, int transactionId) {
        return remove(cp, existing -> ProfileRules.endedWith(existing, connectorId, transactionId));
    }

    /** The charge point booted: it is taken to have no profile of ours any more. In the boot's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void rebooted(@Observes ChargePointRebooted event) {
        remove(event.chargePoint(), existing -> true);
    }

    /** @throws CmsException NOT_FOUND for an unknown charge point */
    public List<InstalledProfileView> list(String chargePointId) {
        ChargePoint cp = chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        return of(cp).stream().map(InstalledProfiles::view).toList();
    }

    /** How many records name the stored profile. */
    public long countOf(int profileId) {
        return em.createNamedQuery(InstalledChargingProfile.COUNT_OF_PROFILE, Long.class)
                .setParameter("profileId", profileId).getSingleResult();
    }

    private int remove(ChargePoint cp, Predicate<Placement> matching) {
        List<InstalledChargingProfile> gone = of(cp).stream().filter(i -> matching.test(i.placement())).toList();
        gone.forEach(em::remove);
        if (!gone.isEmpty()) {
            em.flush();
        }
        return gone.size();
    }

    private List<InstalledChargingProfile> of(ChargePoint cp) {
        return em.createNamedQuery(InstalledChargingProfile.OF_CHARGE_POINT, InstalledChargingProfile.class)
                .setParameter("cp", cp).getResultList();
    }

    private static InstalledProfileView view(InstalledChargingProfile i) {
        Placement p = i.placement();
        return new InstalledProfileView(p.profileId(), p.connectorId(), p.purpose(), p.stackLevel(), p.transactionId(),
                Times.instant(i.getInstalledAt()), i.getCommandId());
    }
}
