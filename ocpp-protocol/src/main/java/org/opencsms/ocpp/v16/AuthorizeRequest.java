package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.MaxLength;

public record AuthorizeRequest(
        @MaxLength(20) String idTag) {
}
