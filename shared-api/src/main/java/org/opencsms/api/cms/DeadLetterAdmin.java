package org.opencsms.api.cms;

import java.util.List;

import jakarta.ejb.Local;

/** The events the CMS could not store: visible, replayable and deletable by an operator. */
@Local
public interface DeadLetterAdmin {

    /** Oldest first. */
    List<DeadLetterView> list(int offset, int limit);

    long count();

    /**
     * Handles the event again, as the event listener would have; on success it is removed.
     *
     * @throws CmsException NOT_FOUND when there is no such dead letter; CONFLICT when handling it failed
     *                      again (it stays, with the new failure)
     */
    void replay(long id);

    /** @return false when there was no such dead letter */
    boolean delete(long id);
}
