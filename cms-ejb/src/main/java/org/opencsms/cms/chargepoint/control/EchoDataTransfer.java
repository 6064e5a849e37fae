package org.opencsms.cms.chargepoint.control;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Our own vendor id: messageId "Echo" answers Accepted with the data sent, a connectivity check for
 * installers that also shows how a vendor handler plugs in.
 */
@ApplicationScoped
public class EchoDataTransfer implements DataTransferHandler {
    public static final String VENDOR_ID = "org.opencsms";

    @Override
    public String vendorId() {
        return VENDOR_ID;
    }

    @Override
    public DataTransferAnswer handle(String chargePointId, String messageId, String data) {
        return "Echo".equals(messageId)
                ? new DataTransferAnswer(DataTransferAnswer.VendorReply.ACCEPTED, data)
                : new DataTransferAnswer(DataTransferAnswer.VendorReply.UNKNOWN_MESSAGE_ID, null);
    }
}
