package org.opencsms.api.cms;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Local;

/** The id tags (RFID cards, app tokens) that may charge. */
@Local
public interface IdTagAdmin {

    /** @throws CmsException INVALID for a bad tag; CONFLICT when it exists */
    IdTagView create(IdTagView tag);

    List<IdTagView> list();

    Optional<IdTagView> find(String idTag);

    /**
     * Replaces status, expiry, parent and concurrency of an existing tag.
     *
     * @throws CmsException NOT_FOUND when it does not exist; INVALID for bad values
     */
    IdTagView update(String idTag, IdTagView tag);

    /** @return false when no such tag existed */
    boolean delete(String idTag);
}
