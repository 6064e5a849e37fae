package org.opencsms.api.text;

/**
 * Text from outside (charge point frames, ids, action names, message ids, API input) made safe for one log
 * line: quoted, control and non-ASCII characters escaped as \\uXXXX, at most {@value #MAX} characters.
 * A charge point cannot forge or split log lines ("Heartbeat\\r\\n[AUDIT] ...").
 */
public final class LogText {
    public static final int MAX = 100;

    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX) + 8).append('\'');
        int count = 0;
        for (int i = 0; i < text.length() && count < MAX; i++, count++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.append(text.length() > MAX ? "...'" : "'").toString();
    }

    /** Like {@link #quote} without the quotes: for text of ours that may contain a charge point's text. */
    public static String escape(String text) {
        String q = quote(text);
        return q.length() >= 2 ? q.substring(1, q.length() - 1) : q;
    }

    private LogText() {
    }
}
