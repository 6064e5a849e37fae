package org.opencsms.api.cms;

/**
 * An operator's close of a transaction whose charge point will never report its stop.
 *
 * @param meterStop null: the last energy register value recorded for it, else its meterStart
 * @param reason    an OCPP 1.6 stop Reason; null: Other
 */
public record TransactionClosing(Integer meterStop, String reason) {
}
