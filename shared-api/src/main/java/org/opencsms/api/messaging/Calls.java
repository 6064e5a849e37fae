package org.opencsms.api.messaging;

import java.time.Instant;

/** Bodies of the request/reply exchanges, version-neutral. */
public final class Calls {
    /** Readiness probe: answered by the CMS after it touched the database. */
    public record Ping(String nodeId) {
    }

    /**
     * @param databaseUp    the CMS reached the database
     * @param eventsFromNode the CMS has stored an event of the asking node (its start announcement),
     *                       so the event consumers are up too
     */
    public record PingReply(boolean databaseUp, boolean eventsFromNode) {
    }

    /**
     * Asked by the gateway during the WebSocket upgrade of a charger.
     *
     * @param password the password of the HTTP Basic header, null when none was sent
     * @param secure   whether the upgrade came over TLS
     */
    public record Authenticate(String chargePointId, String password, boolean secure) {
    }

    public enum HandshakeDecision {
        /** Let the charger in (also an unregistered one: its BootNotification decides). */
        ACCEPT,
        /** Credentials missing or wrong: HTTP 401. */
        UNAUTHORIZED,
        /** Registered for TLS (security profile 2+) but came over plain ws: HTTP 403. */
        INSECURE_TRANSPORT
    }

    public record AuthenticateReply(HandshakeDecision decision) {
    }

    public record Boot(String chargePointId, String vendor, String model, String serialNumber,
                       String chargeBoxSerialNumber, String firmwareVersion, String iccid, String imsi,
                       String meterType, String meterSerialNumber) {
    }

    public enum RegistrationStatus { ACCEPTED, PENDING, REJECTED }

    public record BootReply(RegistrationStatus status, int interval, Instant currentTime) {
    }

    public record Heartbeat(String chargePointId) {
    }

    public record HeartbeatReply(Instant currentTime) {
    }

    private Calls() {
    }
}
