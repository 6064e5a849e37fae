package org.opencsms.api.messaging;

/**
 * A fire-and-forget event published on the event topic.
 *
 * @param <E> event body
 */
public record EventType<E>(String name, Class<E> bodyType) {
}
