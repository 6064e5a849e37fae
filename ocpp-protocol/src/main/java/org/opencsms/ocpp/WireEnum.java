package org.opencsms.ocpp;

import java.util.Optional;

/** Implemented by every OCPP enum: OCPP values such as "L1-N" or "Sample.Periodic" are not Java identifiers. */
public interface WireEnum {
    String wire();

    static <E extends Enum<E> & WireEnum> Optional<E> fromWire(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (e.wire().equals(wire)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
