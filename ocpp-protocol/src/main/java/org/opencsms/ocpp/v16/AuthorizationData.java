package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Optional;

public record AuthorizationData(
        @MaxLength(20) String idTag,
        @Optional IdTagInfo idTagInfo) {
}
