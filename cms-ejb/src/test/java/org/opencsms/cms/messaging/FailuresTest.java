package org.opencsms.cms.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void aConcurrentInsertOfTheSameRowIsRetriedBeforeTheEventIsKept() {
        // the first announcement of a node raced its first session: both inserted the node's row
        assertEquals(Failures.Nature.UNKNOWN, Failures.of(new RuntimeException(new SQLException("duplicate key", "23505"))));
    }

    @Test
    void otherConstraintViolationsAreKeptAtOnceAndOutagesRetried() {
        assertEquals(Failures.Nature.PERMANENT, Failures.of(new SQLException("null value", "23502")));
        assertEquals(Failures.Nature.PERMANENT, Failures.of(new SQLException("invalid byte sequence", "22021")));
        assertEquals(Failures.Nature.TRANSIENT, Failures.of(new SQLException("refused", "08001")));
        assertEquals(Failures.Nature.TRANSIENT, Failures.of(new SQLException("deadlock", "40P01")));
    }

    @Test
    void anAmqpTimestampInSecondsIsReadAsMilliseconds() {
        assertEquals(1_796_000_000_000L, EventListener.millis(1_796_000_000L));
        assertEquals(1_796_000_000_123L, EventListener.millis(1_796_000_000_123L));
        assertEquals(0, EventListener.millis(0));
    }
}
