package org.opencsms.cms.chargepoint.control;


/**
 * Vendor-specific DataTransfer from charge points. A CDI bean implementing this answers for its vendor;
 * DataTransfers of vendors without a handler are answered UnknownVendorId.
 */
public interface DataTransferHandler {

    /** The vendorId this handler answers for (OCPP: a reversed DNS name). */
    String vendorId();

    /** Answer {@code VendorReply.UNKNOWN_MESSAGE_ID} for a messageId the handler does not know. */
    DataTransferAnswer handle(String chargePointId, String messageId, String data);
}
