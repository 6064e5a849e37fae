package org.opencsms.cms.chargepoint.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointIds;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConnectorView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.cms.platform.PasswordHasher;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.chargepoint.entity.Connector;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;

/** Administration of charge points for the REST API. */
@Stateless
public class ChargePointService implements ChargePointAdmin {
    /** OCPP 2.0.1 allows AuthorizationKeys up to 40 characters; 1.6 recommends 16 to 20 bytes. */
    static final int MAX_PASSWORD = 40;

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @EJB
    ChargePoints chargePoints;

    @Override
    public ChargePointView register(NewChargePoint request) {
        if (request == null || !ChargePointIds.isValid(request.id())) {
            throw new CmsException(Reason.INVALID,
                    "id must be 1 to 48 characters of a-z A-Z 0-9 * - _ = : + | @ . and not '.' or '..'");
        }
        String password = request.password();
        if (password != null && (password.isEmpty() || password.length() > MAX_PASSWORD)) {
            throw new CmsException(Reason.INVALID, "password must be 1 to " + MAX_PASSWORD + " characters");
        }
        // OCPP security profiles: 0 = no password (anyone who knows the id can connect as it), 1 = HTTP
        // Basic with the AuthorizationKey, 2 = the same over TLS only
        int profile = request.securityProfile() != null ? request.securityProfile() : password == null ? 0 : 1;
        if (profile < 0 || profile > 2) {
            throw new CmsException(Reason.INVALID, "securityProfile must be 0, 1 or 2");
        }
        if (profile >= 1 && password == null) {
            throw new CmsException(Reason.INVALID, "securityProfile " + profile + " needs a password (HTTP Basic"
                    + (profile == 2 ? " over TLS)" : ")"));
        }
        if (profile == 0 && password != null) {
            throw new CmsException(Reason.INVALID, "securityProfile 0 means no password; a password needs 1 or 2");
        }
        if (chargePoints.byIdentity(request.id()).isPresent()) {
            throw new CmsException(Reason.CONFLICT, "charge point " + request.id() + " exists");
        }
        ChargePoint cp = new ChargePoint(request.id(), password == null ? null : PasswordHasher.hash(password),
                profile, Times.now());
        try {
            em.persist(cp);
            em.flush();
        } catch (PersistenceException e) {
            // registered concurrently since the check above: the unique constraint decided
            throw new CmsException(Reason.CONFLICT, "charge point " + request.id() + " exists");
        }
        return view(cp, Times.now());
    }

    @Override
    public List<ChargePointView> list() {
        OffsetDateTime now = Times.now();
        return em.createNamedQuery(ChargePoint.ALL, ChargePoint.class).getResultStream()
                .map(cp -> view(cp, now)).toList();
    }

    @Override
    public Optional<ChargePointView> find(String id) {
        return chargePoints.byIdentity(id).map(cp -> view(cp, Times.now()));
    }

    @Override
    public boolean delete(String id) {
        Optional<ChargePoint> cp = chargePoints.byIdentity(id);
        cp.ifPresent(em::remove);
        return cp.isPresent();
    }

    private ChargePointView view(ChargePoint cp, OffsetDateTime now) {
        List<ConnectorView> connectors = cp.getConnectors().stream().map(ChargePointService::view).toList();
        return new ChargePointView(cp.getIdentity(), cp.getSecurityProfile(),
                chargePoints.isConnected(cp, Settings.nodeStaleAfter(), now), cp.getOcppVersion(),
                cp.getRegistrationStatus(), cp.getVendor(), cp.getModel(), cp.getSerialNumber(),
                cp.getFirmwareVersion(), Times.instant(cp.getLastSeen()), cp.getFirmwareStatus(), cp.getDiagnosticsStatus(),
                connectors);
    }

    private static ConnectorView view(Connector c) {
        return new ConnectorView(c.getConnectorId(), c.getStatus(), c.getErrorCode(), c.getInfo(),
                Times.instant(c.getStatusTime()));
    }
}
