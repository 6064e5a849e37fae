package org.opencsms.ocpp;

import java.util.List;
import java.util.Objects;

/**
 * A message that cannot be accepted, carrying what the CALLERROR answer needs. {@link #violations()} lists
 * every problem found (e.g. {@code "connectorId: must be >= 0"}); the error kind is that of the first.
 */
public class OcppException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageId;
    private final RpcError error;
    private final String description;
    private final List<String> violations;

    public OcppException(String messageId, RpcError error, String description) {
        this(messageId, error, description, List.of(description));
    }

    public OcppException(String messageId, RpcError error, String description, List<String> violations) {
        super(description);
        this.messageId = messageId;
        this.error = Objects.requireNonNull(error, "error");
        this.description = description == null ? "" : description;
        this.violations = List.copyOf(violations);
    }

    /** The id of the offending message, or null when none could be read. */
    public String messageId() {
        return messageId;
    }

    public RpcError error() {
        return error;
    }

    public String description() {
        return description;
    }

    public List<String> violations() {
        return violations;
    }

    /** A copy carrying the given message id (payload validation does not know it). */
    public OcppException withMessageId(String id) {
        OcppException copy = new OcppException(id, error, description, violations);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
