package org.opencsms.gateway.ocpp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.opencsms.api.cms.ChargePointIds;
import org.opencsms.api.text.LogText;

/** The charge point identity in a charge point's URL: the last path segment after /ocpp/, percent-decoded. */
public final class ChargePointPath {
    public static final String PREFIX = "/ocpp/";

    /** Outcome of reading the identity; {@code problem} is null when it is usable. */
    public record Identity(String id, String problem) {
        public boolean valid() {
            return problem == null;
        }
    }

    /**
     * @param rawPath the request path below the context root, still percent-encoded
     */
    public static Identity read(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return new Identity(null, "not an OCPP path");
        }
        String raw = rawPath.substring(PREFIX.length());
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        if (raw.contains("/")) {
            // many charge points append their id to a URL that already ends with it: /ocpp/CP1/CP1
            return new Identity(null, "more than one path segment after /ocpp/ (a doubled id? the charge point's "
                    + "URL must end with /ocpp/ and the charge point appends its id, or end with the id and the "
                    + "charge point must not append it)");
        }
        String id;
        try {
            // '+' is a literal in a path; only %XX sequences are escapes
            id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return new Identity(null, "bad percent-encoding");
        }
        if (!ChargePointIds.isValid(id)) {
            return new Identity(id, "the id must be 1 to 48 characters of a-z A-Z 0-9 * - _ = : + | @ .");
        }
        return new Identity(id, null);
    }

    /** Quotes untrusted text for a log line (see {@link LogText}). */
    public static String forLog(String text) {
        return LogText.quote(text);
    }

    private ChargePointPath() {
    }
}
