package org.opencsms.ocpp;

/**
 * What a frame may cost before it is parsed: one pass over the text, no allocation. OCPP payloads are
 * shallow and their numbers short; a frame nested deeper, or with a number longer or of a larger
 * exponent, than any schema needs is refused as a FormationViolation before a JSON parser builds
 * anything from it (a number such as {@code 1E-1000000000} is 13 characters, and its plain form a
 * gigabyte).
 */
final class FrameGuard {
    /** Nesting of arrays and objects; the deepest 1.6 frame (SetChargingProfile) needs 6. */
    static final int MAX_DEPTH = 32;
    /** Characters of one number literal. */
    static final int MAX_NUMBER_LENGTH = 40;
    /** Magnitude of a number's exponent. */
    static final int MAX_EXPONENT = 64;

    /** Null when the frame is within the limits, else what is wrong with it. */
    static String problem(String text) {
        int depth = 0;
        boolean inString = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '[', '{' -> {
                    if (++depth > MAX_DEPTH) {
                        return "Message nested deeper than " + MAX_DEPTH + " levels";
                    }
                }
                case ']', '}' -> depth--;
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        int end = numberEnd(text, i);
                        String problem = number(text, i, end);
                        if (problem != null) {
                            return problem;
                        }
                        i = end - 1;
                    }
                }
            }
        }
        return null;
    }

    private static int numberEnd(String text, int start) {
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static String number(String text, int start, int end) {
        if (end - start > MAX_NUMBER_LENGTH) {
            return "Number longer than " + MAX_NUMBER_LENGTH + " characters";
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                int j = i + 1;
                if (j < end && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                    j++;
                }
                int exponent = 0;
                for (; j < end && exponent <= MAX_EXPONENT; j++) {
                    char d = text.charAt(j);
                    if (d < '0' || d > '9') {
                        break;
                    }
                    exponent = exponent * 10 + (d - '0');
                }
                if (exponent > MAX_EXPONENT) {
                    return "Number with an exponent beyond " + MAX_EXPONENT;
                }
            }
        }
        return null;
    }

    private FrameGuard() {
    }
}
