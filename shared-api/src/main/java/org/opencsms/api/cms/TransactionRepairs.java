package org.opencsms.api.cms;

import jakarta.ejb.Local;

/** The operator's repair of transactions charge points will never complete. */
@Local
public interface TransactionRepairs {

    /**
     * Stops the transaction now, as closed by {@code closedBy}: its tag is free again for a tag limited to one
     * transaction. A StopTransaction the charge point sends later is answered; the close stays.
     *
     * @throws CmsException NOT_FOUND unknown transaction; CONFLICT already stopped; INVALID a negative meterStop
     *                      or a reason OCPP does not have
     */
    TransactionDetail close(int transactionId, TransactionClosing closing, String closedBy);
}
