package org.opencsms.cms.chargepoint.control;

import org.opencsms.api.messaging.Calls.DataTransferReply;

/**
 * Vendor-specific DataTransfer from charge points. A CDI bean implementing this answers for its vendor;
 * DataTransfers of vendors without a handler are answered UnknownVendorId.
 */
public interface DataTransferHandler {

    /** The vendorId this handler answers for (OCPP: a reversed DNS name). */
    String vendorId();

    /** Answer UNKNOWN_MESSAGE_ID for a messageId the handler does not know. */
    DataTransferReply handle(String chargePointId, String messageId, String data);
}
