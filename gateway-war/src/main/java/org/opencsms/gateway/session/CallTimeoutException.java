package org.opencsms.gateway.session;

import java.time.Duration;

/** The charge point did not answer our CALL within the call timeout. */
public class CallTimeoutException extends RuntimeException {
    public CallTimeoutException(String chargePointId, String action, Duration timeout) {
        super(chargePointId + " did not answer " + action + " within " + timeout.toSeconds() + " s");
    }
}
