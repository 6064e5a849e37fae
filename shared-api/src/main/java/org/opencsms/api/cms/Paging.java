package org.opencsms.api.cms;

/** Limits of the paginated lists of the business interfaces. */
public final class Paging {
    /** The largest page a caller may ask for. */
    public static final int MAX_LIMIT = 500;

    private Paging() {
    }
}
