package org.opencsms.gateway.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;


import org.opencsms.api.config.Setting;

/** Settings of a gateway node (see {@link Setting} for where they are read from). */
public final class GatewaySettings {

    /**
     * CSMS_NODE_ID [host name]: names this node in the shared record of connections. The server's
     * value (JNDI csms/nodeId) wins, as its reply queue and command subscription are named after it.
     */
    public static String nodeId() {
        String id = Setting.server("nodeId", "CSMS_NODE_ID", null);
        if (id != null) {
            return id;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
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
