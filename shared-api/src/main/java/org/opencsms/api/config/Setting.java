package org.opencsms.api.config;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Reads one setting: a Java system property of the given name wins over the environment variable of
 * the same name, which wins over the default. Blank counts as unset.
 */
public final class Setting {

    public static String value(String name, String fallback) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            v = System.getenv(name);
        }
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** A positive whole number; anything else is a configuration error naming the setting. */
    public static int positiveInt(String name, int fallback) {
        String v = value(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(name + " must be a positive whole number, was '" + v + "'");
    }

    /**
     * A setting the server configuration also uses (messaging mode): the server's value, bound in
     * JNDI as {@code csms/<jndiName>}, wins, so application and server cannot disagree.
     */
    public static String server(String jndiName, String name, String fallback) {
        return bound(jndiName).orElseGet(() -> value(name, fallback));
    }

    /** The value the server configuration binds in JNDI as {@code csms/<jndiName>}, if it does. */
    public static java.util.Optional<String> bound(String jndiName) {
        try {
            Object bound = new InitialContext().lookup("csms/" + jndiName);
            if (bound instanceof String s && !s.isBlank()) {
                return java.util.Optional.of(s.trim());
            }
        } catch (NamingException | RuntimeException e) {
            // not bound by this server
        }
        return java.util.Optional.empty();
    }

    public static boolean flag(String name, boolean fallback) {
        return Boolean.parseBoolean(value(name, Boolean.toString(fallback)));
    }

    private Setting() {
    }
}
