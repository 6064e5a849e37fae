package org.opencsms.gateway.platform;

import java.time.Duration;


import org.opencsms.api.config.Setting;

/** Settings of a gateway node (see {@link Setting} for where they are read from). */
public final class GatewaySettings {

    /** What a node id may contain: it names a queue, a subscription and a selector value, and fits a column. */
    private static final java.util.regex.Pattern NODE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * CSMS_NODE_ID [host name-HTTP port]: names this node in the shared record of connections. The
     * server configuration is its only source: it binds the value as JNDI csms/nodeId and names this
     * node's reply queue, command selector and command subscription after the same variable, so the
     * node id recorded for a charger's session is the one its commands are routed by. There is
     * deliberately no fallback here: a server that does not bind it is misconfigured and the
     * application does not start.
     */
    public static String nodeId() {
        String id = Setting.bound("nodeId").orElseThrow(() -> new IllegalStateException(
                "the server configuration binds no node id (JNDI csms/nodeId); see CSMS_NODE_ID"));
        if (!NODE_ID.matcher(id).matches()) {
            throw new IllegalStateException("node id '" + id + "' (CSMS_NODE_ID, by default <host name>-<HTTP port>) "
                    + "must be 1 to 64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit; "
                    + "set CSMS_NODE_ID");
        }
        return id;
    }

    /** CSMS_CALL_TIMEOUT [30] seconds a charger has to answer one of our CALLs. */
    public static Duration callTimeout() {
        return Setting.callTimeout();
    }

    /**
     * CSMS_CMS_TIMEOUT [25] seconds the CMS has to answer a charger's call before it gets InternalError:
     * under the 30 s most chargers wait, so that an overloaded system answers late rather than with
     * an error.
     */
    public static Duration cmsTimeout() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_CMS_TIMEOUT", 25));
    }

    /** CSMS_PING_INTERVAL [30] seconds between WebSocket pings; no pong for two intervals closes the socket. */
    public static Duration pingInterval() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_PING_INTERVAL", 30));
    }

    /** CSMS_NODE_ALIVE_INTERVAL [20] seconds between this node's announcements that it is alive. */
    public static Duration nodeAliveInterval() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_NODE_ALIVE_INTERVAL", 20));
    }

    /**
     * CSMS_CHARGER_RATE [10]: CALLs per second one charger is answered at on average (twice that at
     * once); faster CALLs wait for their turn.
     */
    public static int chargerRate() {
        return Setting.positiveInt("CSMS_CHARGER_RATE", 10);
    }

    /** CALLs of one charger that may wait behind the one being answered; the excess is a CALLERROR. */
    public static int chargerCallsWaiting() {
        return 4;
    }

    /** CSMS_MAX_CONNECTIONS [20000]: chargers this node holds at most; further upgrades get 503. */
    public static int maxConnections() {
        return Setting.positiveInt("CSMS_MAX_CONNECTIONS", 20_000);
    }

    /**
     * CSMS_SILENCE_TIMEOUT: seconds a socket may stay silent (no frame; pongs do not count) after its
     * first frame before it is closed; by default twice the heartbeat interval given to chargers
     * (CSMS_HEARTBEAT_INTERVAL [300]) plus a minute.
     */
    public static Duration silenceLimit() {
        int heartbeat = Setting.positiveInt("CSMS_HEARTBEAT_INTERVAL", 300);
        return Duration.ofSeconds(Setting.positiveInt("CSMS_SILENCE_TIMEOUT", 2 * heartbeat + 60));
    }

    /** CSMS_FIRST_FRAME_TIMEOUT [60]: seconds a new socket may stay silent before it is closed. */
    public static Duration firstFrameLimit() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_FIRST_FRAME_TIMEOUT", 60));
    }

    /**
     * CSMS_MIN_SECURITY_PROFILE [0]: the lowest OCPP security profile accepted at the upgrade (0, 1 or
     * 2). Above 0, chargers without a password (and unregistered ones) get 401.
     */
    public static int minSecurityProfile() {
        String v = Setting.value("CSMS_MIN_SECURITY_PROFILE", "0");
        if (!v.matches("[012]")) {
            throw new IllegalStateException("CSMS_MIN_SECURITY_PROFILE must be 0, 1 or 2, was '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    private GatewaySettings() {
    }
}
