package org.opencsms.ocpp.v16;

public record ClearCacheResponse(
        ClearCacheStatus status) {
}
