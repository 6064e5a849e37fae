package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.Optional;

import java.util.List;

public record SendLocalListRequest(
        Integer listVersion,
        @Optional List<AuthorizationData> localAuthorizationList,
        UpdateType updateType) {
}
