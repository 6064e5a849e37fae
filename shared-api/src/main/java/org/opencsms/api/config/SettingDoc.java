package org.opencsms.api.config;

/**
 * The declaration of one setting as the README's configuration table documents it: its name, its
 * default as the README writes it (between the brackets) and what it means.
 */
public record SettingDoc(String name, String defaultValue, String meaning) {

    /** The default as a whole number, for a setting read with {@link Setting#positiveInt}. */
    public int intDefault() {
        return Integer.parseInt(defaultValue);
    }
}
