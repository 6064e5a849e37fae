package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;
import org.opencsms.api.ocpp.Optional;

public record AuthorizationData(
        @MaxLength(20) String idTag,
        @Optional IdTagInfo idTagInfo) {
}
