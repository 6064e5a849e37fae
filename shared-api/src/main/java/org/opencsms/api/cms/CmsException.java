package org.opencsms.api.cms;

import java.util.List;

import jakarta.ejb.ApplicationException;

/** A business rule refused the call; the REST layer maps the kind to a status code. */
@ApplicationException(rollback = true)
public class CmsException extends RuntimeException {
    public enum Reason { INVALID, NOT_FOUND, CONFLICT }

    private final Reason kind;
    private final List<String> violations;

    public CmsException(Reason kind, String message) {
        this(kind, message, List.of());
    }

    /** INVALID with the rules the input broke, each as a message the caller can act on. */
    public CmsException(Reason kind, String message, List<String> violations) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public Reason kind() {
        return kind;
    }

    public List<String> violations() {
        return violations;
    }
}
