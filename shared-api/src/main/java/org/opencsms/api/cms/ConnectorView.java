package org.opencsms.api.cms;

import java.time.Instant;

public record ConnectorView(int connectorId, String status, String errorCode, String info, Instant statusTime) {
}
