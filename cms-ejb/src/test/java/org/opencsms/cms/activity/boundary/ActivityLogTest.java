package org.opencsms.cms.activity.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivityLogTest {

    @Test
    void detailIsCutTo500Characters() {
        assertEquals("", ActivityLog.cut(null));
        assertEquals("connector 1: Available", ActivityLog.cut("connector 1: Available"));
        String limit = "x".repeat(500);
        assertEquals(limit, ActivityLog.cut(limit));
        assertEquals(limit, ActivityLog.cut(limit + "y"));
    }

    @Test
    void aCutNeverSplitsACharacter() {
        String emoji = "\uD83D\uDD0C"; // one code point, two chars
        String text = "x".repeat(499) + emoji + "tail";
        String cut = ActivityLog.cut(text);
        assertEquals("x".repeat(499), cut);
        assertEquals(text.substring(0, 498) + emoji, ActivityLog.cut("x".repeat(498) + emoji + "tail"));
    }
}
