package org.opencsms.gateway.rest;

import org.opencsms.api.cms.Paging;

/** The offset/limit query parameters of the API's lists: whole numbers in range, else 400. */
final class PageParams {

    static int offset(String value) {
        return number("offset", value, 0, Integer.MAX_VALUE);
    }

    static int limit(String value) {
        return number("limit", value, 1, Paging.MAX_LIMIT);
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequest(name + " must be a whole number from " + min + " to " + max);
    }

    private PageParams() {
    }

    /** An optional true/false filter of a list: absent or empty is null (no filter). */
    static Boolean flag(String name, String value) {
        return switch (value == null ? "" : value) {
            case "" -> null;
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequest(name + " must be true or false");
        };
    }
}
