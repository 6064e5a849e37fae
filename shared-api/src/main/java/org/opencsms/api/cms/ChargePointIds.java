package org.opencsms.api.cms;

import java.util.regex.Pattern;

/** The charge point identity rule shared by the handshake and registration. */
public final class ChargePointIds {
    /**
     * OCPP 2.0.1 identifierString: a-z A-Z 0-9 and * - _ = : + | @ . ; 1 to 48 characters. The dot
     * segments "." and ".." are refused as well: no URL can address them.
     */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9*\\-_=:+|@.]{1,48}");

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches() && !id.equals(".") && !id.equals("..");
    }

    private ChargePointIds() {
    }
}
