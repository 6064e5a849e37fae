package org.opencsms.api.cms;

import java.time.ZoneId;
import java.util.List;

import jakarta.ejb.Local;

/** What the console's dashboard shows: the state of the site and what happened last. */
@Local
public interface SiteOverview {
    /** Counts and energy now; "today" and the last 7 days are calendar days in {@code zone}. */
    Overview overview(ZoneId zone);

    /** Newest first. */
    List<ActivityView> latestActivity(int limit);

    /** The id of the newest activity (0 when none): cheap, for a console that looks for changes. */
    long lastActivityId();
}
