package org.opencsms.cms.chargepoint.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointChange;
import org.opencsms.api.cms.ChargePointIds;
import org.opencsms.api.cms.ChargePointOrder;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConnectorView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.cms.ValidationMode;
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
        if (password != null) {
            checkPassword(password);
        }
        // OCPP security profiles: 0 = no password (anyone who knows the id can connect as it), 1 = HTTP
        // Basic with the AuthorizationKey, 2 = the same over TLS only
        int profile = request.securityProfile() != null ? request.securityProfile() : password == null ? 0 : 1;
        checkProfile(profile, password != null);
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

    @Override
    public List<ChargePointView> search(String text, ChargePointOrder order, boolean ascending, int offset, int limit) {
        String direction = ascending ? " asc" : " desc";
        // the sort column from the enum only; the charge point id last, so that a page is the same every time
        String orderBy = switch (order == null ? ChargePointOrder.ID : order) {
            case ID -> " order by c.identity" + direction;
            case VENDOR -> " order by c.vendor" + direction + " nulls last, c.identity";
            case MODEL -> " order by c.model" + direction + " nulls last, c.identity";
            case LAST_SEEN -> " order by c.lastSeen" + direction + " nulls last, c.identity";
        };
        TypedQuery<ChargePoint> query = em.createQuery("select c from ChargePoint c" + matching(text) + orderBy,
                        ChargePoint.class)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)))
                // the connectors of the whole page with one more query, not one per charge point
                .setHint("eclipselink.batch", "c.connectors")
                .setHint("eclipselink.batch.type", "IN");
        bindText(query, text);
        OffsetDateTime now = Times.now();
        return query.getResultStream().map(cp -> view(cp, now)).toList();
    }

    @Override
    public long count(String text) {
        TypedQuery<Long> query = em.createQuery("select count(c) from ChargePoint c" + matching(text), Long.class);
        bindText(query, text);
        return query.getSingleResult();
    }

    @Override
    public ChargePointView update(String id, String password, Integer securityProfile) {
        return change(id, new ChargePointChange(password, securityProfile, null));
    }

    @Override
    public ChargePointView change(String id, ChargePointChange change) {
        ChargePoint cp = chargePoints.lockByIdentity(id)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + id));
        // everything checked before anything changes
        ValidationMode validation = change.validation() == null ? null : ValidationMode.of(change.validation());
        if (change.password() != null || change.securityProfile() != null) {
            credentials(cp, change.password(), change.securityProfile());
        }
        if (validation != null) {
            cp.validation(validation);
        }
        return view(cp, Times.now());
    }

    private static void credentials(ChargePoint cp, String password, Integer securityProfile) {
        if (password != null && !password.isEmpty()) {
            checkPassword(password);
        }
        boolean hasPassword = password == null ? cp.getPasswordHash() != null : !password.isEmpty();
        int profile = securityProfile != null ? securityProfile : cp.getSecurityProfile();
        if (securityProfile == null && profile >= 1 && !hasPassword) {
            throw new CmsException(Reason.INVALID, "securityProfile " + profile + " needs a password: to require none, "
                    + "set securityProfile 0 as well");
        }
        if (securityProfile == null && profile == 0 && hasPassword) {
            throw new CmsException(Reason.INVALID, "securityProfile 0 means no password: with a password, "
                    + "set securityProfile 1 or 2 as well");
        }
        checkProfile(profile, hasPassword);
        String hash = password == null ? cp.getPasswordHash() : password.isEmpty() ? null : PasswordHasher.hash(password);
        cp.credentials(hash, profile);
    }

    /** A new AuthorizationKey's rules. */
    private static void checkPassword(String password) {
        if (password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw new CmsException(Reason.INVALID, "password must be 1 to " + MAX_PASSWORD + " characters");
        }
    }

    /** Whether the security profile goes with having a password or not. */
    private static void checkProfile(int profile, boolean hasPassword) {
        if (profile < 0 || profile > 2) {
            throw new CmsException(Reason.INVALID, "securityProfile must be 0, 1 or 2");
        }
        if (profile >= 1 && !hasPassword) {
            throw new CmsException(Reason.INVALID, "securityProfile " + profile + " needs a password (HTTP Basic"
                    + (profile == 2 ? " over TLS)" : ")"));
        }
        if (profile == 0 && hasPassword) {
            throw new CmsException(Reason.INVALID, "securityProfile 0 means no password; a password needs 1 or 2");
        }
    }

    /** The search's condition: a fixed text, the user's input only ever a parameter. */
    private static String matching(String text) {
        return text == null || text.isBlank() ? ""
                : " where lower(c.identity) like :text escape '!' or lower(c.vendor) like :text escape '!'"
                + " or lower(c.model) like :text escape '!'";
    }

    private static void bindText(jakarta.persistence.Query query, String text) {
        if (text != null && !text.isBlank()) {
            String literal = text.strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.setParameter("text", "%" + literal + "%");
        }
    }

    private ChargePointView view(ChargePoint cp, OffsetDateTime now) {
        List<ConnectorView> connectors = cp.getConnectors().stream().map(ChargePointService::view).toList();
        return new ChargePointView(cp.getIdentity(), cp.getSecurityProfile(), cp.getValidationMode().wire(),
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
