package org.opencsms.api.ocpp.v16;

public record AuthorizeResponse(
        IdTagInfo idTagInfo) {
}
