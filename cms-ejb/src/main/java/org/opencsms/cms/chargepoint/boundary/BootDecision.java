package org.opencsms.cms.chargepoint.boundary;

import java.time.Instant;

/** Whether a booting charge point is admitted, the heartbeat interval (s) it is given, and the CMS's time. */
public record BootDecision(Admission status, int interval, Instant currentTime) {

    /** The CMS's answer to a boot: OCPP's registration status. */
    public enum Admission { ACCEPTED, PENDING, REJECTED }
}
