package org.opencsms.gateway.session;

/** The charge point's socket closed before our CALL was answered (or sent). */
public class ConnectionClosedException extends RuntimeException {
    public ConnectionClosedException(String chargePointId) {
        super(chargePointId + " is not connected");
    }
}
