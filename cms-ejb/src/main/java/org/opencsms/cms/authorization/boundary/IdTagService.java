package org.opencsms.cms.authorization.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.IdTagAdmin;
import org.opencsms.api.cms.IdTagView;
import org.opencsms.api.messaging.TagAuthorization;
import org.opencsms.api.messaging.TagAuthorization.Verdict;
import org.opencsms.cms.authorization.entity.IdTag;
import org.opencsms.cms.platform.Times;

/** Administration of id tags, and the verdict charge points get on them. */
// also a no-interface view: the message listeners call more than the business interface offers
@LocalBean
@Stateless
public class IdTagService implements IdTagAdmin {
    /** OCPP 1.6 IdToken is a CiString20. */
    static final int MAX_TAG = 20;

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    @Override
    public IdTagView create(IdTagView tag) {
        if (tag == null || !validTag(tag.idTag())) {
            throw new CmsException(Reason.INVALID, "idTag must be 1 to " + MAX_TAG + " printable ASCII characters");
        }
        if (!addressable(tag.idTag())) {
            // what can be created must be readable, changeable and deletable at /api/id-tags/{idTag}
            throw new CmsException(Reason.INVALID, "idTag must not contain '/', '\\' or '#' and must not be '.' or '..': "
                    + "it is the last segment of the tag's URL /api/id-tags/{idTag}");
        }
        if (find(tag.idTag()).isPresent()) {
            throw new CmsException(Reason.CONFLICT, "id tag " + tag.idTag() + " exists");
        }
        IdTag entity = new IdTag(tag.idTag(), Times.now());
        apply(entity, tag);
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            throw new CmsException(Reason.CONFLICT, "id tag " + tag.idTag() + " exists");
        }
        return view(entity);
    }

    @Override
    public List<IdTagView> list() {
        return em.createNamedQuery(IdTag.ALL, IdTag.class).getResultStream().map(IdTagService::view).toList();
    }

    @Override
    public Optional<IdTagView> find(String idTag) {
        return byTag(idTag, LockModeType.NONE).map(IdTagService::view);
    }

    @Override
    public IdTagView update(String idTag, IdTagView tag) {
        IdTag entity = byTag(idTag, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new CmsException(Reason.NOT_FOUND, "no id tag " + idTag));
        if (tag == null) {
            throw new CmsException(Reason.INVALID, "a JSON body is required");
        }
        if (tag.idTag() != null && !tag.idTag().equals(idTag)) {
            throw new CmsException(Reason.INVALID, "idTag in the body differs from the one in the path");
        }
        apply(entity, tag);
        return view(entity);
    }

    @Override
    public boolean delete(String idTag) {
        Optional<IdTag> entity = byTag(idTag, LockModeType.NONE);
        entity.ifPresent(em::remove);
        return entity.isPresent();
    }

    /** Authorize.req: the tag's status, without the concurrency rule (that only applies to a start). */
    public TagAuthorization authorize(String idTag) {
        return byTag(idTag, LockModeType.NONE).map(t -> info(t, Times.now())).orElseGet(TagAuthorization::invalid);
    }

    /**
     * StartTransaction.req: the tag's status, ConcurrentTx when it allows one transaction at a time and
     * {@code activeTransactions} (asked with the tag's key, see {@link IdTag#key}) counts one already.
     * Such a tag's row stays locked until the caller's transaction ends, so two charge points starting
     * with the same tag at once cannot both be accepted. The transactions are the caller's to count:
     * authorization knows nothing of them.
     */
    public TagAuthorization authorizeStart(String idTag, java.util.function.ToLongFunction<String> activeTransactions) {
        Optional<IdTag> found = byTag(idTag, LockModeType.NONE);
        if (found.isEmpty()) {
            return TagAuthorization.invalid();
        }
        IdTag tag = found.get();
        if (!tag.isAllowConcurrentTx()) {
            // only a tag limited to one transaction needs the lock (a fleet tag used by many charge points at
            // once must not make their starts queue behind one row)
            tag = byTag(idTag, LockModeType.PESSIMISTIC_WRITE).orElse(tag);
        }
        TagAuthorization info = info(tag, Times.now());
        if (info.status() == Verdict.ACCEPTED && !tag.isAllowConcurrentTx()
                && activeTransactions.applyAsLong(IdTag.key(idTag)) > 0) {
            return new TagAuthorization(Verdict.CONCURRENT_TX, info.expiryDate(), info.parentIdTag());
        }
        return info;
    }

    private Optional<IdTag> byTag(String idTag, LockModeType lock) {
        if (idTag == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(IdTag.BY_TAG, IdTag.class).setParameter("key", IdTag.key(idTag)).setLockMode(lock)
                .getResultStream().findFirst();
    }

    private static TagAuthorization info(IdTag tag, OffsetDateTime now) {
        Verdict status = IdTag.BLOCKED.equals(tag.getStatus()) ? Verdict.BLOCKED
                : tag.isExpired(now) ? Verdict.EXPIRED : Verdict.ACCEPTED;
        return new TagAuthorization(status, tag.getExpiryDate() == null ? null : tag.getExpiryDate().toInstant(),
                tag.getParentIdTag());
    }

    private static void apply(IdTag entity, IdTagView tag) {
        String status = tag.status() == null ? IdTag.ACCEPTED : tag.status();
        if (!IdTag.ACCEPTED.equals(status) && !IdTag.BLOCKED.equals(status)) {
            throw new CmsException(Reason.INVALID, "status must be Accepted or Blocked (Expired follows from expiryDate)");
        }
        if (tag.parentIdTag() != null && !validTag(tag.parentIdTag())) {
            throw new CmsException(Reason.INVALID, "parentIdTag must be 1 to " + MAX_TAG + " printable ASCII characters");
        }
        entity.update(status, tag.expiryDate() == null ? null : tag.expiryDate().atOffset(ZoneOffset.UTC),
                tag.parentIdTag(), Boolean.TRUE.equals(tag.allowConcurrentTx()));
    }

    /**
     * Usable as a URL path segment on every server: no slash or backslash (servers refuse them encoded),
     * no '#' (Open Liberty refuses %23 in a path), not a dot segment.
     */
    static boolean addressable(String tag) {
        return tag.indexOf('/') < 0 && tag.indexOf('\\') < 0 && tag.indexOf('#') < 0
                && !tag.equals(".") && !tag.equals("..");
    }

    static boolean validTag(String tag) {
        return tag != null && !tag.isEmpty() && tag.length() <= MAX_TAG
                && tag.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static IdTagView view(IdTag t) {
        return new IdTagView(t.getIdTag(), t.getStatus(), t.getExpiryDate() == null ? null : t.getExpiryDate().toInstant(),
                t.getParentIdTag(), t.isAllowConcurrentTx());
    }
}
