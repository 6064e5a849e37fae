package org.opencsms.cms.chargepoint.boundary;

import org.opencsms.cms.chargepoint.entity.ChargePoint;

/**
 * A CDI event, fired synchronously in the transaction that records a BootNotification: the charge point
 * rebooted, and what other parts of the CMS keep about its volatile state (the charging profiles set on it)
 * no longer holds. Observers depend on this package; it depends on none of them.
 */
public record ChargePointRebooted(ChargePoint chargePoint) {
}
