package org.opencsms.api.messaging;

/** Body of a reply whose outcome is "error": the CMS could not process the request. */
public record ErrorReply(String message) {
}
