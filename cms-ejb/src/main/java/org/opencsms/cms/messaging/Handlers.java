package org.opencsms.cms.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.opencsms.api.messaging.Bodies;

/**
 * A table from contract type names to typed handlers, checked to be complete when built so that
 * a type added to the contract without a handler fails the deployment, not a charge point.
 */
final class Handlers {
    /** A message of a type no handler knows: it will never be handled. */
    static final class UnknownTypeException extends IllegalArgumentException {
        UnknownTypeException(String name) {
            super("no handler for message type " + org.opencsms.api.text.LogText.quote(name));
        }
    }

    private final Map<String, Function<String, Object>> byName = new HashMap<>();

    <B> Handlers on(String name, Class<B> bodyType, Function<B, ?> handler) {
        byName.put(name, json -> handler.apply(Bodies.fromJson(json, bodyType)));
        return this;
    }

    <B> Handlers onEvent(String name, Class<B> bodyType, Consumer<B> handler) {
        return on(name, bodyType, body -> {
            handler.accept(body);
            return null;
        });
    }

    Handlers complete(List<String> expected) {
        List<String> missing = expected.stream().filter(n -> !byName.containsKey(n)).toList();
        if (!missing.isEmpty() || byName.size() != expected.size()) {
            throw new IllegalStateException("handlers do not match the contract; missing: " + missing);
        }
        return this;
    }

    Object handle(String name, String body) {
        Function<String, Object> handler = byName.get(name);
        if (handler == null) {
            throw new UnknownTypeException(name);
        }
        return handler.apply(body);
    }
}
