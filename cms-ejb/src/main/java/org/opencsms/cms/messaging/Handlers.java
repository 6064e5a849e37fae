package org.opencsms.cms.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.opencsms.api.messaging.Bodies;
import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events;

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

    /** A request of the gateway and the CMS operation that answers it. */
    <Q extends Calls.Call<R>, R> Handlers on(Class<Q> requestType, Function<Q, R> handler) {
        return put(Contract.callType(requestType).name(), requestType, handler);
    }

    /** An event and the CMS operation that stores it. */
    <E extends Events.Event> Handlers onEvent(Class<E> bodyType, Consumer<E> handler) {
        return put(Contract.eventType(bodyType).name(), bodyType, body -> {
            handler.accept(body);
            return null;
        });
    }

    private <B> Handlers put(String name, Class<B> bodyType, Function<B, ?> handler) {
        byName.put(name, json -> handler.apply(Bodies.fromJson(json, bodyType)));
        return this;
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
