package org.opencsms.cms.deadletter.boundary;

import java.util.List;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.DeadLetterAdmin;
import org.opencsms.api.cms.DeadLetterView;
import org.opencsms.api.cms.Paging;
import org.opencsms.api.text.LogText;
import org.opencsms.cms.deadletter.entity.DeadLetter;
import org.opencsms.cms.messaging.EventDispatcher;
import org.opencsms.cms.platform.Times;

/**
 * The dead-letter store. {@link #keep} runs in a transaction of its own, so that the event listener can
 * acknowledge an event only once it is kept; when the database cannot keep it either, the listener
 * leaves the event with the broker.
 */
@Stateless
@jakarta.ejb.LocalBean
public class DeadLetters implements DeadLetterAdmin {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());

    @PersistenceContext(unitName = "csms")
    EntityManager em;
    @Inject
    EventDispatcher events;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long keep(String type, String chargePointId, String body, String failure, int attempts) {
        DeadLetter letter = new DeadLetter(type, chargePointId, body, failure, attempts, Times.now());
        em.persist(letter);
        em.flush();
        return letter.getId();
    }

    @Override
    public List<DeadLetterView> list(int offset, int limit) {
        return em.createNamedQuery(DeadLetter.ALL, DeadLetter.class).setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, Paging.MAX_LIMIT))).getResultStream()
                .map(DeadLetters::view).toList();
    }

    @Override
    public long count() {
        return em.createNamedQuery(DeadLetter.COUNT, Long.class).getSingleResult();
    }

    /**
     * The event is handled as the listener would (its work commits in its own transaction), then the
     * letter is removed; a failure is recorded on the letter instead. Handling is idempotent, so a
     * letter replayed twice (removal failed after the work committed) stores nothing twice.
     */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void replay(long id) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter == null) {
            throw new CmsException(Reason.NOT_FOUND, "no dead letter " + id);
        }
        try {
            events.replay(letter.getType(), letter.getChargePointId(), letter.getBody());
        } catch (RuntimeException e) {
            self().failedAgain(id, String.valueOf(e));
            throw new CmsException(Reason.CONFLICT, "dead letter " + id + " failed again: " + e.getMessage());
        }
        self().remove(id);
        LOG.info(() -> "Dead letter " + id + " (" + letter.getType() + " of " + LogText.quote(letter.getChargePointId())
                + ") replayed and removed");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failedAgain(long id, String failure) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter != null) {
            letter.failedAgain(failure, Times.now());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void remove(long id) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter != null) {
            em.remove(letter);
        }
    }

    @Override
    public boolean delete(long id) {
        DeadLetter letter = em.find(DeadLetter.class, id);
        if (letter == null) {
            return false;
        }
        em.remove(letter);
        return true;
    }

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    private DeadLetters self() {
        return context.getBusinessObject(DeadLetters.class);
    }

    private static DeadLetterView view(DeadLetter d) {
        return new DeadLetterView(d.getId(), d.getType(), d.getChargePointId(), d.getBody(), d.getFailure(),
                d.getAttempts(), Times.instant(d.getFirstFailedAt()), Times.instant(d.getLastFailedAt()));
    }
}
