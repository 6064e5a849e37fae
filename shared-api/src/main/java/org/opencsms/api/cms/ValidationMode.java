package org.opencsms.api.cms;

import java.util.Locale;

/**
 * How strictly a charge point's messages are validated. {@code strict}: every departure from the OCPP schema
 * is answered with the CALLERROR it calls for. {@code relaxed}: what real firmware commonly gets wrong (unknown
 * extra properties, timestamps without a zone, numbers sent as strings, enumeration values in the wrong case)
 * is accepted and logged once per session; everything else is refused as in strict.
 */
public enum ValidationMode {
    STRICT, RELAXED;

    /** As stored and shown: {@code strict}, {@code relaxed}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws CmsException INVALID for anything but strict or relaxed (any case) */
    public static ValidationMode of(String text) {
        for (ValidationMode m : values()) {
            if (m.wire().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new CmsException(CmsException.Reason.INVALID, "validation must be 'strict' or 'relaxed'");
    }
}
