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
}
