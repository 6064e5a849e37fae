package org.opencsms.api.cms;

/** What becomes of a charge point's WebSocket upgrade. */
public enum HandshakeDecision {
    /** Let the charge point in (also an unregistered one: its BootNotification decides). */
    ACCEPT,
    /** Credentials missing or wrong: HTTP 401. */
    UNAUTHORIZED,
    /** Registered for TLS (security profile 2+) but came over plain ws: HTTP 403. */
    INSECURE_TRANSPORT
}
