package org.opencsms.gateway.cms;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.opencsms.gateway.platform.Timers;

/** Event backlogs in a given state, for tests outside this package. */
public final class Backlogs {
    /** The broker's count not read yet: every event is admitted at once. */
    public static EventBacklog unknown() {
        return new EventBacklog();
    }

    /** Over its limit for good: an event is held for {@code hold}, then refused. */
    public static EventBacklog overLimit(ScheduledThreadPoolExecutor executor, Duration hold) {
        EventBacklog backlog = new EventBacklog();
        backlog.timers = Timers.of(executor);
        backlog.maxHold = hold;
        backlog.observed(EventBacklog.LIMIT + 1);
        return backlog;
    }

    private Backlogs() {
    }
}
