package org.opencsms.cms.messaging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.opencsms.api.config.Setting;

/**
 * Failures on demand for the end-to-end tests of redelivery and dead-lettering, off unless
 * CSMS_FAULT_INJECTION=true. Events of charge points whose id starts with {@value #ONCE} fail once
 * after they were stored (as if the node died before acknowledging); those of {@value #ALWAYS}
 * fail every time.
 */
final class FaultInjection {
    static final String ONCE = "FAULT-ONCE-";
    static final String ALWAYS = "FAULT-ALWAYS-";

    private static final boolean ENABLED = Setting.flag("CSMS_FAULT_INJECTION", false);
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    static void beforeHandling(String type, String chargePointId) {
        if (ENABLED && chargePointId != null && chargePointId.startsWith(ALWAYS)) {
            throw new IllegalStateException("injected failure for " + type + " of " + chargePointId);
        }
    }

    static void afterHandling(String type, String chargePointId, String messageId) {
        if (ENABLED && chargePointId != null && chargePointId.startsWith(ONCE) && FAILED_ONCE.add(messageId)) {
            throw new IllegalStateException("injected failure after storing " + type + " of " + chargePointId);
        }
    }

    private FaultInjection() {
    }
}
