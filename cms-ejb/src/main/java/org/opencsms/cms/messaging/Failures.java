package org.opencsms.cms.messaging;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Tells a failure that passes (the database or broker unavailable, a lock that timed out, a
 * deadlock) from one that will happen again with the same event (a body that cannot be read, a value
 * the database refuses). The event listener retries the first kind for as long as it takes and keeps
 * the second kind in the dead-letter store.
 */
final class Failures {
    enum Nature {
        /** Retry: it will work once the outage is over. */
        TRANSIENT,
        /** The same event will fail again: keep it for an operator. */
        PERMANENT,
        /** Unknown: retried a few times, then treated as permanent. */
        UNKNOWN
    }

    static Nature of(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql) {
                Nature k = bySqlState(sql.getSQLState());
                if (k != null) {
                    return k;
                }
                if (c instanceof SQLTransientException || c instanceof SQLRecoverableException) {
                    return Nature.TRANSIENT;
                }
            }
            if (c instanceof LockTimeoutException || c instanceof PessimisticLockException
                    || c instanceof OptimisticLockException || c instanceof SocketException
                    || c instanceof JMSException || c instanceof JMSRuntimeException
                    || c instanceof jakarta.resource.ResourceException) {
                return Nature.TRANSIENT;
            }
            if (c instanceof JsonbException || c instanceof JsonException) {
                return Nature.PERMANENT;
            }
            if (c instanceof Handlers.UnknownTypeException) {
                return Nature.PERMANENT;
            }
        }
        return Nature.UNKNOWN;
    }

    /**
     * Whether the failure says the database cannot be reached at all (no connection, the server shutting
     * down or starting), as opposed to a failure of this one event.
     */
    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (c instanceof SQLRecoverableException || c instanceof java.sql.SQLNonTransientConnectionException
                        || c instanceof java.sql.SQLTransientConnectionException) {
                    return true;
                }
            }
            if (c instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** SQL states: 08 connection, 40 rollback / deadlock, 53 resources, 57 operator, 58 system, HYT timeout. */
    private static Nature bySqlState(String state) {
        if (state == null || state.length() < 2) {
            return null;
        }
        if (state.equals("55P03") || state.startsWith("HYT")) { // lock not available, timeout
            return Nature.TRANSIENT;
        }
        if (state.equals("23505")) {
            // unique violation: usually two events inserting the same new row at once (a node's first
            // announcement and its first session); retried, the event finds the row
            return Nature.UNKNOWN;
        }
        return switch (state.substring(0, 2)) {
            case "08", "40", "53", "57", "58" -> Nature.TRANSIENT;
            case "22", "23", "42" -> Nature.PERMANENT; // data exception, integrity constraint, syntax/access
            default -> null;
        };
    }

    private Failures() {
    }
}
