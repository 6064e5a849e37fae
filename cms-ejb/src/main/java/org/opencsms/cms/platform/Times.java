package org.opencsms.cms.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Times as the database keeps them: UTC, microseconds. A repeated report whose timestamp has more
 * digits (.NET charge points send seven) then compares equal to the stored one.
 */
public final class Times {

    public static OffsetDateTime now() {
        return utc(Instant.now());
    }

    /** The instant in UTC at microsecond precision; null stands for now. */
    public static OffsetDateTime utc(Instant instant) {
        return (instant == null ? Instant.now() : instant).truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private Times() {
    }
}
