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

    /** CSMS_CMS_TIMEOUT [10] seconds the CMS has to answer a charger's call before it gets InternalError. */
    public static Duration cmsTimeout() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_CMS_TIMEOUT", 10));
    }

    /** CSMS_PING_INTERVAL [30] seconds between WebSocket pings; no pong for two intervals closes the socket. */
    public static Duration pingInterval() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_PING_INTERVAL", 30));
    }

    /** CSMS_NODE_ALIVE_INTERVAL [20] seconds between this node's announcements that it is alive. */
    public static Duration nodeAliveInterval() {
        return Duration.ofSeconds(Setting.positiveInt("CSMS_NODE_ALIVE_INTERVAL", 20));
    }

    private GatewaySettings() {
    }
}
