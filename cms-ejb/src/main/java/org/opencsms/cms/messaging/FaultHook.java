package org.opencsms.cms.messaging;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Where the end-to-end tests inject failures into event handling. Production servers have nothing to
 * find here: the failures live in the test-only jar {@code test-faults}, which only the test servers'
 * library contains; no setting turns them on. When the jar is present the CMS says so loudly at start.
 */
final class FaultHook {
    private static final Logger LOG = Logger.getLogger(FaultHook.class.getName());
    private static final Method BEFORE;
    private static final Method AFTER;

    static {
        Method before = null;
        Method after = null;
        try {
            Class<?> faults = Class.forName("org.opencsms.testfaults.EventFaults", true, FaultHook.class.getClassLoader());
            before = faults.getMethod("beforeHandling", String.class, String.class, boolean.class);
            after = faults.getMethod("afterHandling", String.class, String.class, String.class);
            LOG.severe("FAULT INJECTION IS ACTIVE: the test-only jar test-faults is on this server's class path and "
                    + "makes the events of FAULT-* charge points fail on purpose. It must never be in a production "
                    + "server.");
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            // the normal case: no test-only code here
        }
        BEFORE = before;
        AFTER = after;
    }

    static void beforeHandling(String type, String chargePointId, boolean replay) {
        call(BEFORE, type, chargePointId, replay);
    }

    static void afterHandling(String type, String chargePointId, String messageId) {
        call(AFTER, type, chargePointId, messageId);
    }

    private static void call(Method m, Object... args) {
        if (m == null) {
            return;
        }
        try {
            m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private FaultHook() {
    }
}
