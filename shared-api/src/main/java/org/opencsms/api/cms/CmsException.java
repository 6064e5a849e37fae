package org.opencsms.api.cms;

import jakarta.ejb.ApplicationException;

/** A business rule refused the call; the REST layer maps the kind to a status code. */
@ApplicationException(rollback = true)
public class CmsException extends RuntimeException {
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public CmsException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
