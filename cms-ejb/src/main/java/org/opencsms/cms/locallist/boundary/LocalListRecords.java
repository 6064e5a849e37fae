package org.opencsms.cms.locallist.boundary;

import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.LocalAuthorizationLists;
import org.opencsms.api.cms.LocalListRequest;
import org.opencsms.api.cms.LocalListUpdateView;
import org.opencsms.api.cms.LocalListView;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.cms.authorization.entity.IdTag;
import org.opencsms.cms.chargepoint.boundary.ChargePoints;
import org.opencsms.cms.chargepoint.entity.ChargePoint;
import org.opencsms.cms.locallist.control.LocalListBuilder;
import org.opencsms.cms.locallist.control.LocalListBuilder.Kind;
import org.opencsms.cms.locallist.control.LocalListBuilder.ListChange;
import org.opencsms.cms.locallist.control.LocalListBuilder.TagState;
import org.opencsms.cms.locallist.entity.LocalListEntry;
import org.opencsms.cms.locallist.entity.LocalListUpdate;
import org.opencsms.cms.platform.Settings;
import org.opencsms.cms.platform.Times;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.v16.AuthorizationData;
import org.opencsms.ocpp.v16.AuthorizationStatus;
import org.opencsms.ocpp.v16.IdTagInfo;
import org.opencsms.ocpp.v16.SendLocalListRequest;
import org.opencsms.ocpp.v16.UpdateType;

/**
 * The local list records, each method one database transaction: an update built, versioned and recorded
 * before it is sent, its answer recorded after, and the list the charge point holds once it accepted.
 */
@Stateless
public class LocalListRecords {
    /** OCPP 1.6 IdToken is a CiString20. */
    static final int MAX_TAG = 20;
    /** The largest IN list of one query (databases bound the parameters of a statement). */
    private static final int CHUNK = 500;

    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @EJB
    ChargePoints chargePoints;

    /** An update recorded and ready to send: its record, the SendLocalList payload, and what it changes. */
    public record Prepared(long updateId, int listVersion, String payload, Kind kind, List<ListChange> changes) {
    }

    /**
     * Builds the update, assigns its version (the explicit one, else one above the highest this charge point
     * was sent or reported) and records it, open.
     *
     * @throws CmsException INVALID, NOT_FOUND, CONFLICT as {@link LocalAuthorizationLists#send}
     */
    public Prepared prepare(String chargePointId, LocalListRequest request, String requestedBy) {
        Kind kind = validated(request);
        // the charge point's row serialises the versions and the held list per charge point
        ChargePoint cp = connected(chargePointId);
        Map<String, TagState> held = held(cp);
        Instant now = Times.now().toInstant();
        List<String> named = request.idTags() == null ? null
                : request.idTags().stream().map(TagState::key).toList();
        Map<String, TagState> current;
        if (named == null) {
            if (kind == Kind.FULL) {
                long count = em.createQuery("select count(t) from IdTag t", Long.class).getSingleResult();
                tooLarge(count);
            }
            current = allTags(now);
        } else {
            Set<String> keys = new HashSet<>(named);
            if (kind == Kind.DIFFERENTIAL) {
                keys.addAll(held.keySet());
            }
            current = tags(keys, now);
            List<String> unknown = request.idTags().stream().filter(t -> !current.containsKey(TagState.key(t)))
                    .map(t -> "unknown idTag " + t).toList();
            if (!unknown.isEmpty()) {
                throw new CmsException(Reason.INVALID, "idTags names tags the CMS does not have", unknown);
            }
        }
        List<ListChange> changes = LocalListBuilder.build(kind, current, named, held);
        tooLarge(changes.size());
        Integer highest = em.createNamedQuery(LocalListUpdate.HIGHEST_VERSION, Integer.class)
                .setParameter("cp", cp).getSingleResult();
        int version = request.listVersion() != null ? request.listVersion()
                : Math.max(0, highest == null ? 0 : highest) + 1;
        int removals = (int) changes.stream().filter(ListChange::removal).count();
        LocalListUpdate update = new LocalListUpdate(cp, LocalListUpdate.SEND, kind.wire(), version,
                changes.size() - removals, removals, requestedBy, Times.now());
        em.persist(update);
        em.flush();
        return new Prepared(update.getId(), version, payload(kind, version, changes), kind, changes);
    }

    /**
     * Records a GetLocalListVersion about to be sent.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point, CONFLICT when it is not connected
     */
    public long prepareVersionRead(String chargePointId, String requestedBy) {
        ChargePoint cp = connected(chargePointId);
        LocalListUpdate read = new LocalListUpdate(cp, LocalListUpdate.GET_VERSION, null, null, 0, 0, requestedBy,
                Times.now());
        em.persist(read);
        em.flush();
        return read.getId();
    }

    /**
     * Records what became of an update or version read; the first result recorded stays. An accepted update
     * changes the held list and confirms its version; a version read confirms the version reported (0, no
     * list: the held list is empty).
     *
     * @param sent the update as prepared; null for a version read
     */
    public LocalListUpdateView completed(long updateId, Long commandId, CommandResult result, Prepared sent) {
        LocalListUpdate update = em.find(LocalListUpdate.class, updateId);
        if (update == null) {
            throw new CmsException(Reason.NOT_FOUND, "no local list update " + updateId);
        }
        ChargePoint cp = chargePoints.lockByIdentity(update.getChargePoint().getIdentity()).orElseThrow(
                () -> new CmsException(Reason.NOT_FOUND, "charge point deleted"));
        em.refresh(update);
        if (!update.isOpen()) {
            return view(update);
        }
        OffsetDateTime now = Times.now();
        JsonObject answer = result.outcome() == CommandResult.Outcome.RESULT ? json(result.payload()) : null;
        if (LocalListUpdate.GET_VERSION.equals(update.getAction())) {
            update.complete(commandId, result.outcome().name(), null, result.errorCode(), result.errorDescription(), now);
            if (answer != null && answer.get("listVersion") instanceof JsonNumber reported) {
                update.confirm(reported.intValue());
                if (reported.intValue() == 0) {
                    em.createNamedQuery(LocalListEntry.CLEAR).setParameter("cp", cp.getId()).executeUpdate();
                }
            }
            return view(update);
        }
        String status = answer != null && answer.get("status") instanceof JsonString s ? s.getString() : null;
        update.complete(commandId, result.outcome().name(), status, result.errorCode(), result.errorDescription(), now);
        if ("Accepted".equals(status) && sent != null) {
            hold(cp, sent.kind(), sent.changes());
            update.confirm(update.getListVersion());
        }
        return view(update);
    }

    /** @throws CmsException NOT_FOUND for an unknown charge point */
    public LocalListView view(String chargePointId, int offset, int limit) {
        ChargePoint cp = chargePoints.byIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        LocalListUpdate confirmed = em.createNamedQuery(LocalListUpdate.CONFIRMED, LocalListUpdate.class)
                .setParameter("cp", cp).setMaxResults(1).getResultStream().findFirst().orElse(null);
        long entries = em.createNamedQuery(LocalListEntry.COUNT, Long.class).setParameter("cp", cp.getId())
                .getSingleResult();
        List<LocalListUpdateView> updates = em.createNamedQuery(LocalListUpdate.OF_CHARGE_POINT, LocalListUpdate.class)
                .setParameter("cp", cp).setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT)))
                .getResultStream().map(LocalListRecords::view).toList();
        return new LocalListView(chargePointId, confirmed == null ? null : confirmed.getListVersion(),
                confirmed == null ? null : Times.instant(confirmed.getCompletedAt()),
                confirmed == null ? null : confirmed.getAction(), (int) entries, updates);
    }

    /** The tags the charge point's list holds after its confirmed updates, by key. */
    public Map<String, TagState> held(String chargePointId) {
        return chargePoints.byIdentity(chargePointId).map(this::held).orElse(Map.of());
    }

    /** @throws CmsException INVALID with every rule the request breaks */
    static Kind validated(LocalListRequest request) {
        if (request == null) {
            throw new CmsException(Reason.INVALID, "a JSON body {\"updateType\": \"Full\"|\"Differential\", ...} is required");
        }
        List<String> violations = new ArrayList<>();
        Kind kind = Kind.of(request.updateType()).orElse(null);
        if (kind == null) {
            violations.add("updateType must be Full or Differential");
        }
        if (request.idTags() != null) {
            if (request.idTags().size() > LocalAuthorizationLists.MAX_ENTRIES) {
                violations.add("idTags names more than " + LocalAuthorizationLists.MAX_ENTRIES + " tags");
            } else {
                Set<String> seen = new HashSet<>();
                for (String tag : request.idTags()) {
                    if (!validTag(tag)) {
                        violations.add("idTags: " + (tag == null ? "null" : "'" + tag + "'")
                                + " is not 1 to " + MAX_TAG + " printable ASCII characters");
                    } else if (!seen.add(TagState.key(tag))) {
                        violations.add("idTags names " + tag + " more than once");
                    }
                }
            }
        }
        if (request.listVersion() != null && request.listVersion() < 1) {
            violations.add("listVersion must be 1 or more (null: the next version)");
        }
        if (!violations.isEmpty()) {
            throw new CmsException(Reason.INVALID, "invalid local list update", violations);
        }
        return kind;
    }

    static boolean validTag(String tag) {
        return tag != null && !tag.isEmpty() && tag.length() <= MAX_TAG
                && tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    /** The SendLocalList payload. */
    static String payload(Kind kind, int version, List<ListChange> changes) {
        List<AuthorizationData> data = changes.stream().map(c -> new AuthorizationData(c.idTag(), c.removal() ? null
                : new IdTagInfo(c.state().expiryDate(), c.state().parentIdTag(), status(c.state().status())))).toList();
        return OcppVersion.OCPP16.codec().writePayload(new SendLocalListRequest(version, data,
                kind == Kind.FULL ? UpdateType.FULL : UpdateType.DIFFERENTIAL)).toString();
    }

    private static AuthorizationStatus status(String wire) {
        for (AuthorizationStatus s : AuthorizationStatus.values()) {
            if (s.wire().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no authorization status " + wire);
    }

    private static void tooLarge(long entries) {
        if (entries > LocalAuthorizationLists.MAX_ENTRIES) {
            throw new CmsException(Reason.INVALID, "the update would carry " + entries + " tags, more than "
                    + LocalAuthorizationLists.MAX_ENTRIES + " per SendLocalList: send the tags in parts, naming them in "
                    + "Differential updates");
        }
    }

    private ChargePoint connected(String chargePointId) {
        ChargePoint cp = chargePoints.lockByIdentity(chargePointId)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no charge point " + chargePointId));
        if (!chargePoints.isConnected(cp, Settings.nodeStaleAfter(), Times.now())) {
            throw new CmsException(Reason.CONFLICT, "charge point " + chargePointId + " is not connected");
        }
        return cp;
    }

    private Map<String, TagState> held(ChargePoint cp) {
        Map<String, TagState> held = new LinkedHashMap<>();
        em.createNamedQuery(LocalListEntry.OF_CHARGE_POINT, LocalListEntry.class).setParameter("cp", cp.getId())
                .getResultStream().forEach(e -> held.put(e.getIdTagKey(), new TagState(e.getIdTag(), e.getStatus(),
                        Times.instant(e.getExpiryDate()), e.getParentIdTag())));
        return held;
    }

    private void hold(ChargePoint cp, Kind kind, List<ListChange> changes) {
        if (kind == Kind.FULL) {
            em.createNamedQuery(LocalListEntry.CLEAR).setParameter("cp", cp.getId()).executeUpdate();
        }
        for (ListChange c : changes) {
            String key = TagState.key(c.idTag());
            LocalListEntry entry = kind == Kind.FULL ? null
                    : em.find(LocalListEntry.class, new LocalListEntry.EntryKey(cp.getId(), key));
            if (c.removal()) {
                if (entry != null) {
                    em.remove(entry);
                }
            } else if (entry != null) {
                entry.update(c.idTag(), c.state().status(), utc(c.state().expiryDate()), c.state().parentIdTag());
            } else {
                em.persist(new LocalListEntry(cp.getId(), key, c.idTag(), c.state().status(),
                        utc(c.state().expiryDate()), c.state().parentIdTag()));
            }
        }
    }

    private Map<String, TagState> allTags(Instant now) {
        Map<String, TagState> tags = new HashMap<>();
        em.createNamedQuery(IdTag.ALL, IdTag.class).getResultStream().forEach(t -> tags.put(IdTag.key(t.getIdTag()),
                state(t, now)));
        return tags;
    }

    private Map<String, TagState> tags(Set<String> keys, Instant now) {
        Map<String, TagState> tags = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += CHUNK) {
            em.createQuery("select t from IdTag t where t.idTagKey in :keys", IdTag.class)
                    .setParameter("keys", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .getResultStream().forEach(t -> tags.put(IdTag.key(t.getIdTag()), state(t, now)));
        }
        return tags;
    }

    private static TagState state(IdTag t, Instant now) {
        Instant expiry = Times.instant(t.getExpiryDate());
        return new TagState(t.getIdTag(), LocalListBuilder.status(t.getStatus(), expiry, now), expiry,
                t.getParentIdTag());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : Times.utc(instant);
    }

    private static JsonObject json(String text) {
        try {
            return Json.createReader(new StringReader(text)).readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalListUpdateView view(LocalListUpdate u) {
        return new LocalListUpdateView(u.getId(), u.getChargePoint().getIdentity(), u.getAction(), u.getUpdateType(),
                u.getListVersion(), u.getEntries(), u.getRemovals(), u.getRequestedBy(),
                Times.instant(u.getRequestedAt()), u.getCommandId(), u.getOutcome(), u.getStatus(), u.getErrorCode(),
                u.getErrorDescription(), Times.instant(u.getCompletedAt()), u.isConfirmed());
    }
}
