package org.opencsms.api.ocpp.v16;

public record GetLocalListVersionResponse(
        Integer listVersion) {
}
