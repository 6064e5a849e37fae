package org.opencsms.api.cms;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Local;

/** Registration and inspection of charge points. */
@Local
public interface ChargePointAdmin {

    /**
     * Registers a charge point.
     *
     * @throws CmsException INVALID for a bad id, password or profile; CONFLICT when the id exists
     */
    ChargePointView register(NewChargePoint chargePoint);

    List<ChargePointView> list();

    Optional<ChargePointView> find(String id);

    /** @return false when no such charge point existed */
    boolean delete(String id);

    /**
     * A page of charge points whose id, vendor or model contains {@code text} (case-insensitive).
     *
     * @param text null or blank: all
     */
    List<ChargePointView> search(String text, ChargePointOrder order, boolean ascending, int offset, int limit);

    /** How many charge points {@link #search} finds for {@code text}. */
    long count(String text);

    /**
     * Changes the credentials of a registered charge point.
     *
     * @param password        null: unchanged; empty: none required any more; else the new AuthorizationKey
     * @param securityProfile null: unchanged
     * @throws CmsException NOT_FOUND for an unknown charge point; INVALID as for {@link #register}
     */
    ChargePointView update(String id, String password, Integer securityProfile);

    /**
     * Changes credentials and validation mode together, in one transaction; null parts stay as they are.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point; INVALID as for {@link #register} or for a
     *                      validation mode other than strict or relaxed
     */
    ChargePointView change(String id, ChargePointChange change);
}
