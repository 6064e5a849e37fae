package org.opencsms.api.cms;

import java.util.List;

import jakarta.ejb.ApplicationException;

/** A business rule refused the call; the REST layer maps the kind to a status code. */
@ApplicationException(rollback = true)
public class CmsException extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;
    private final List<String> violations;

    public CmsException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** INVALID with the rules the input broke, each as a message the caller can act on. */
    public CmsException(Kind kind, String message, List<String> violations) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> violations() {
        return violations;
    }
}
