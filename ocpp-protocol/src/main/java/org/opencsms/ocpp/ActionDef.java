package org.opencsms.ocpp;

import java.util.Objects;

/** One OCPP action as seen in one direction: its name on the wire and its typed payloads. */
public record ActionDef<Q, R>(String name, Direction direction, Class<Q> requestType, Class<R> responseType) {
    public ActionDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(responseType, "responseType");
    }
}
