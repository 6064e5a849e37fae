package org.opencsms.cms.chargepoint.boundary;

import java.time.Instant;

/**
 * A connector's status as its charge point reported it ({@code connectorId} 0: the charge point itself);
 * {@code timestamp} is the charge point's, null when it sent none.
 */
public record ConnectorReport(int connectorId, String status, String errorCode, String info, String vendorId,
                              String vendorErrorCode, Instant timestamp) {
}
