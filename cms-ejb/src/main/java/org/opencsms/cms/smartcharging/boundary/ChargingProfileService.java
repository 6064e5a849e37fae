package org.opencsms.cms.smartcharging.boundary;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import org.opencsms.api.cms.ChargingProfileLibrary;
import org.opencsms.api.cms.ChargingProfileView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.Paging;
import org.opencsms.cms.platform.Times;
import org.opencsms.cms.smartcharging.control.ProfileDocuments;
import org.opencsms.cms.smartcharging.control.ProfileDocuments.ProfileInput;
import org.opencsms.cms.smartcharging.entity.StoredChargingProfile;
import org.opencsms.ocpp.OcppVersion;

/** The charging profile library; also lends its profiles to RemoteStartTransaction commands. */
// also a no-interface view: the command component asks it for more than the business interface offers
@LocalBean
@Stateless
public class ChargingProfileService implements ChargingProfileLibrary {
    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    InstalledProfiles installed;

    @Override
    public ChargingProfileView create(String json) {
        ProfileInput input = ProfileDocuments.read(json, null);
        StoredChargingProfile entity = new StoredChargingProfile(Times.now());
        // the id comes from the sequence at persist; the document carries it
        apply(entity, input, 0);
        em.persist(entity);
        apply(entity, input, entity.getId());
        em.flush();
        return view(entity);
    }

    @Override
    public List<ChargingProfileView> list(String descriptionContains, int offset, int limit) {
        boolean filtered = descriptionContains != null && !descriptionContains.isBlank();
        TypedQuery<StoredChargingProfile> query = em.createQuery("select p from StoredChargingProfile p"
                + (filtered ? " where lower(p.description) like :text escape '!'" : "") + " order by p.id",
                StoredChargingProfile.class);
        if (filtered) {
            query.setParameter("text", "%" + descriptionContains.strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)))
                .getResultStream().map(ChargingProfileService::view).toList();
    }

    @Override
    public Optional<ChargingProfileView> find(int id) {
        return Optional.ofNullable(em.find(StoredChargingProfile.class, id)).map(ChargingProfileService::view);
    }

    @Override
    public ChargingProfileView update(int id, String json) {
        StoredChargingProfile entity = Optional.ofNullable(em.find(StoredChargingProfile.class, id,
                        LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charging profile " + id));
        apply(entity, ProfileDocuments.read(json, id), id);
        return view(entity);
    }

    @Override
    public boolean delete(int id) {
        StoredChargingProfile entity = em.find(StoredChargingProfile.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            return false;
        }
        long installedOn = installed.countOf(id);
        if (installedOn > 0) {
            throw new CmsException(Reason.CONFLICT, "charging profile " + id + " is installed " + installedOn
                    + " time(s) on charge points: clear it there first");
        }
        em.remove(entity);
        return true;
    }

    /**
     * The payload of a command, with the stored profile a RemoteStartTransaction names by
     * {@code chargingProfileId} put in as its {@code chargingProfile} (see {@link ProfileDocuments#withStoredProfile}).
     *
     * @throws CmsException INVALID for an unknown profile or one that is no TxProfile
     */
    public String withStoredProfile(String ocppVersion, String action, String payload) {
        if (OcppVersion.fromSubprotocol(ocppVersion).orElse(OcppVersion.OCPP16) != OcppVersion.OCPP16) {
            return payload;
        }
        return ProfileDocuments.withStoredProfile(action, payload, id -> find(id).map(ChargingProfileView::chargingProfile));
    }

    private static void apply(StoredChargingProfile entity, ProfileInput input, int id) {
        JsonObject document = ProfileDocuments.document(input.profile(), id);
        entity.update(input.description(), input.profile().chargingProfilePurpose().wire(),
                input.profile().stackLevel(), document.toString(), Times.now());
    }

    private static ChargingProfileView view(StoredChargingProfile p) {
        return new ChargingProfileView(p.getId(), p.getDescription(),
                ProfileDocuments.object(p.getDocument()).orElseThrow());
    }
}
