package org.opencsms.ocpp;

/**
 * A departure from the schema that a relaxed codec ({@link OcppCodec#relaxed}) accepted instead of answering
 * it with a CALLERROR: what real firmware commonly gets wrong.
 *
 * @param message the message type, such as {@code MeterValuesRequest}
 * @param path    where, such as {@code meterValue[0].timestamp}
 * @param kind    what was tolerated
 * @param detail  the value as sent (shortened), or empty
 */
public record Deviation(String message, String path, Kind kind, String detail) {

    public enum Kind {
        UNKNOWN_PROPERTY("unknown property ignored"),
        TIMESTAMP_WITHOUT_ZONE("timestamp without a zone read as UTC"),
        NUMBER_AS_STRING("number sent as a string"),
        STRING_AS_NUMBER("string sent as a number"),
        ENUM_CASE("enumeration value in the wrong case");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** The same deviation wherever in a list it occurs: {@code MeterValuesRequest meterValue[].timestamp TIMESTAMP_WITHOUT_ZONE}. */
    public String key() {
        return message + ' ' + LIST_INDEX.matcher(path).replaceAll("[]") + ' ' + kind;
    }

    private static final java.util.regex.Pattern LIST_INDEX = java.util.regex.Pattern.compile("\\[\\d+]");

    @Override
    public String toString() {
        return message + ' ' + path + ": " + kind.text() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
