package org.opencsms.api.cms;

import java.util.List;
import java.util.Optional;

import jakarta.ejb.Local;

/** Read access to recorded charging transactions. */
@Local
public interface TransactionQueries {

    /**
     * Newest first (by the charge point's start time).
     *
     * @param chargePointId null: all charge points
     * @param active        null: all; true: not stopped yet; false: stopped
     */
    List<TransactionView> list(String chargePointId, Boolean active, int offset, int limit);

    /** The transaction with every sampled value recorded for it. */
    Optional<TransactionDetail> find(int id);

    /** Newest first (by the charge point's start time), matching the filter. */
    List<TransactionView> search(TransactionFilter filter, int offset, int limit);

    /** How many transactions {@link #search} finds. */
    long count(TransactionFilter filter);
}
