package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.Optional;

import java.util.List;

public record SendLocalListRequest(
        Integer listVersion,
        @Optional List<AuthorizationData> localAuthorizationList,
        UpdateType updateType) {
}
