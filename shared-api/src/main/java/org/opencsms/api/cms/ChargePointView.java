package org.opencsms.api.cms;

import java.time.Instant;
import java.util.List;

/**
 * A charge point as the API shows it; connectors ordered by id, 0 being the charge point itself.
 * {@code validation} is {@code strict} or {@code relaxed} ({@link ValidationMode}).
 */
public record ChargePointView(String id, int securityProfile, String validation, boolean connected, String ocppVersion,
                              String registrationStatus, String vendor, String model, String serialNumber,
                              String firmwareVersion, Instant lastSeen, String firmwareStatus,
                              String diagnosticsStatus, List<ConnectorView> connectors) {
}
