package org.opencsms.api.ocpp.v16;

import org.opencsms.api.ocpp.MaxLength;

public record AuthorizeRequest(
        @MaxLength(20) String idTag) {
}
