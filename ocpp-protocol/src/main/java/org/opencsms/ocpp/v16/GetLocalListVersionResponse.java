package org.opencsms.ocpp.v16;

public record GetLocalListVersionResponse(
        Integer listVersion) {
}
