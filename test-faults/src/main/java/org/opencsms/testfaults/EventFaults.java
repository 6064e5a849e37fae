package org.opencsms.testfaults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures of the CMS's event handling on demand, by charge point id: events of {@value #ONCE}*
 * fail once after they were stored (as if the node died before acknowledging); those of
 * {@value #ALWAYS}* fail every time, replays too; those of {@value #UNTIL_REPLAY}* fail every time
 * the broker delivers them and succeed when an operator replays them. Called by the CMS's hook,
 * reflectively (the CMS has no compile-time dependency on this test-only jar).
 */
public final class EventFaults {
    public static final String ONCE = "FAULT-ONCE-";
    public static final String ALWAYS = "FAULT-ALWAYS-";
    public static final String UNTIL_REPLAY = "FAULT-REPLAYABLE-";

    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    public static void beforeHandling(String type, String chargePointId, boolean replay) {
        if (chargePointId == null) {
            return;
        }
        if (chargePointId.startsWith(ALWAYS) || (chargePointId.startsWith(UNTIL_REPLAY) && !replay)) {
            throw new IllegalStateException("injected failure for " + type + " of " + chargePointId);
        }
    }

    public static void afterHandling(String type, String chargePointId, String messageId) {
        if (chargePointId != null && chargePointId.startsWith(ONCE) && FAILED_ONCE.add(messageId)) {
            throw new IllegalStateException("injected failure after storing " + type + " of " + chargePointId);
        }
    }

    private EventFaults() {
    }
}
