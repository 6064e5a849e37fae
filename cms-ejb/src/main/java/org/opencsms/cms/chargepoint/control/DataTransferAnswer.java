package org.opencsms.cms.chargepoint.control;

/** A vendor's answer to a charge point's DataTransfer, with optional data. */
public record DataTransferAnswer(VendorReply status, String data) {

    /** OCPP's DataTransfer status. */
    public enum VendorReply { ACCEPTED, REJECTED, UNKNOWN_MESSAGE_ID, UNKNOWN_VENDOR_ID }
}
