package org.opencsms.api.cms;

import jakarta.ejb.Local;

/**
 * The configuration keys charge points reported: every GetConfiguration answered with a CALLRESULT,
 * whoever sent it, is stored (all keys when it asked for all, the named keys otherwise).
 */
@Local
public interface ChargePointConfigurations {

    /**
     * The keys last read, ordered by key; {@code readAt} null and no keys when none was ever read.
     *
     * @throws CmsException NOT_FOUND for an unknown charge point
     */
    ConfigurationView lastRead(String chargePointId);
}
