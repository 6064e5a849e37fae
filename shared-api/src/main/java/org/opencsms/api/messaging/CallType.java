package org.opencsms.api.messaging;

/**
 * A request/reply exchange between gateway and CMS: the type name on the wire and the body classes.
 *
 * @param <Q> request body
 * @param <R> reply body
 */
public record CallType<Q, R>(String name, Class<Q> requestType, Class<R> replyType) {
}
