package org.opencsms.gateway.rest;

import java.util.List;

/** What every error response of the API carries. */
public record ErrorBody(int status, String error, List<String> violations) {
    public ErrorBody(int status, String error) {
        this(status, error, List.of());
    }
}
