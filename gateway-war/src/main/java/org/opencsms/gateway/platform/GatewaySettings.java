package org.opencsms.gateway.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.opencsms.api.config.Setting;
import org.opencsms.api.config.SettingDoc;

/**
 * Settings of a gateway node: the one place the gateway reads them (see {@link Setting} for where they
 * are read from: a system property wins over the environment variable of the same name). Each is
 * declared below with its default as the README's configuration table writes it; {@link #DOCUMENTED}
 * lists them all, and a test checks that the README and this class agree.
 */
public final class GatewaySettings {

    private static final List<SettingDoc> declared = new ArrayList<>();

    private static SettingDoc declare(String name, String defaultValue, String meaning) {
        SettingDoc doc = new SettingDoc(name, defaultValue, meaning);
        declared.add(doc);
        return doc;
    }

    static final SettingDoc NODE_ID = declare("CSMS_NODE_ID", "host name-HTTP port",
            "name of this node in the shared record of connections; bound by the server configuration as JNDI "
                    + "csms/nodeId, which also names the node's reply queue and command subscription");
    static final SettingDoc MESSAGING = declare("CSMS_MESSAGING", "embedded",
            "embedded (the server's messaging engine, one node) or rabbitmq (several nodes sharing a broker); "
                    + "the server configuration's value (JNDI csms/messaging) wins");
    static final SettingDoc RABBITMQ_URI = declare("RABBITMQ_URI", "amqp://guest:guest@localhost:5672/",
            "broker for CSMS_MESSAGING=rabbitmq: the gateway publishes events and reads the queue depths there");
    static final SettingDoc ADMIN_USER = declare("ADMIN_USER", "admin", "the admin user of the REST API and the console");
    static final SettingDoc ADMIN_PASSWORD = declare("ADMIN_PASSWORD", "admin",
            "the admin user's password; set but blank, no admin can log in");
    static final SettingDoc HEARTBEAT_INTERVAL = declare("CSMS_HEARTBEAT_INTERVAL", "300",
            "heartbeat interval (s) the CMS gives to accepted charge points; the default silence timeout follows it");
    static final SettingDoc CALL_TIMEOUT = declare("CSMS_CALL_TIMEOUT", "30",
            "seconds a charge point has to answer one of our CALLs");
    static final SettingDoc CMS_TIMEOUT = declare("CSMS_CMS_TIMEOUT", "25",
            "seconds the CMS has to answer a charge point's call before the charge point gets InternalError");
    static final SettingDoc PING_INTERVAL = declare("CSMS_PING_INTERVAL", "30",
            "seconds between WebSocket pings; no pong for two intervals closes the socket");
    static final SettingDoc NODE_ALIVE_INTERVAL = declare("CSMS_NODE_ALIVE_INTERVAL", "20",
            "seconds between this node's announcements that it is alive");
    static final SettingDoc EVENT_BACKLOG_LIMIT = declare("CSMS_EVENT_BACKLOG_LIMIT", "20000",
            "events waiting for the CMS above which a charge point's event is held (and after 20 s refused)");
    static final SettingDoc JMS_SESSIONS = declare("CSMS_JMS_SESSIONS", "64",
            "JMS sessions (embedded: contexts) the node's sender keeps open");
    static final SettingDoc PUBLISH_THREADS = declare("CSMS_PUBLISH_THREADS", "64",
            "threads that publish events and wait for the broker's acknowledgement");
    static final SettingDoc MIN_SECURITY_PROFILE = declare("CSMS_MIN_SECURITY_PROFILE", "0",
            "lowest OCPP security profile accepted at the upgrade: 0, 1 or 2");
    static final SettingDoc CHARGE_POINT_RATE = declare("CSMS_CHARGE_POINT_RATE", "10",
            "CALLs per second one charge point is answered at on average (bursts of twice that); the earlier "
                    + "name CSMS_CHARGER_RATE is still read");
    /** The earlier name of CSMS_CHARGE_POINT_RATE, read when the new one is not set. */
    private static final String CHARGER_RATE_BEFORE = "CSMS_CHARGER_RATE";
    private static final java.util.concurrent.atomic.AtomicBoolean RATE_NAME_WARNED =
            new java.util.concurrent.atomic.AtomicBoolean();
    static final SettingDoc MAX_CONNECTIONS = declare("CSMS_MAX_CONNECTIONS", "20000",
            "charge points this node holds at most; further upgrades get 503");
    static final SettingDoc FIRST_FRAME_TIMEOUT = declare("CSMS_FIRST_FRAME_TIMEOUT", "60",
            "seconds a new socket may stay silent before it is closed");
    static final SettingDoc SILENCE_TIMEOUT = declare("CSMS_SILENCE_TIMEOUT", "2 × heartbeat interval + 60",
            "seconds a socket may stay silent after its first frame before it is closed (pongs do not count)");

    /** Every setting the gateway reads, as the README documents it. */
    public static final List<SettingDoc> DOCUMENTED = List.copyOf(declared);

    /** What a node id may contain: it names a queue, a subscription and a selector value, and fits a column. */
    private static final java.util.regex.Pattern NODE_ID_PATTERN = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /**
     * CSMS_NODE_ID [host name-HTTP port]: names this node in the shared record of connections. The
     * server configuration is its only source: it binds the value as JNDI csms/nodeId and names this
     * node's reply queue, command selector and command subscription after the same variable, so the
     * node id recorded for a charge point's session is the one its commands are routed by. There is
     * deliberately no fallback here: a server that does not bind it is misconfigured and the
     * application does not start.
     */
    public static String nodeId() {
        String id = Setting.bound("nodeId").orElseThrow(() -> new IllegalStateException(
                "the server configuration binds no node id (JNDI csms/nodeId); see CSMS_NODE_ID"));
        if (!NODE_ID_PATTERN.matcher(id).matches()) {
            throw new IllegalStateException("node id '" + id + "' (CSMS_NODE_ID, by default <host name>-<HTTP port>) "
                    + "must be 1 to 64 characters of A-Z a-z 0-9 . _ - starting with a letter or digit; "
                    + "set CSMS_NODE_ID");
        }
        return id;
    }

    /**
     * CSMS_MESSAGING [embedded]: embedded or rabbitmq. The server configuration's value, bound as JNDI
     * csms/messaging, wins, so application and server cannot disagree.
     */
    public static String messaging() {
        return Setting.server("messaging", MESSAGING.name(), MESSAGING.defaultValue());
    }

    /** Whether the node runs with CSMS_MESSAGING=rabbitmq. */
    public static boolean rabbitmq() {
        return "rabbitmq".equalsIgnoreCase(messaging());
    }

    /** RABBITMQ_URI [amqp://guest:guest@localhost:5672/]: the broker with CSMS_MESSAGING=rabbitmq. */
    public static String rabbitmqUri() {
        return Setting.value(RABBITMQ_URI.name(), RABBITMQ_URI.defaultValue());
    }

    /** ADMIN_USER [admin]: the admin user of the REST API and the console. */
    public static String adminUser() {
        return Setting.value(ADMIN_USER.name(), ADMIN_USER.defaultValue());
    }

    /** ADMIN_PASSWORD [admin]: the admin user's password (blank counts as unset here). */
    public static String adminPassword() {
        return Setting.value(ADMIN_PASSWORD.name(), ADMIN_PASSWORD.defaultValue());
    }

    /**
     * ADMIN_PASSWORD as given, blank included and untrimmed (a system property wins over the
     * environment); null when neither is set. Tells a password set but blank from one not set.
     */
    public static String adminPasswordAsGiven() {
        String v = System.getProperty(ADMIN_PASSWORD.name());
        return v != null ? v : System.getenv(ADMIN_PASSWORD.name());
    }

    /** CSMS_HEARTBEAT_INTERVAL [300]: heartbeat interval in seconds the CMS gives to accepted charge points. */
    public static Duration heartbeatInterval() {
        return Duration.ofSeconds(Setting.positiveInt(HEARTBEAT_INTERVAL.name(), HEARTBEAT_INTERVAL.intDefault()));
    }

    /** CSMS_CALL_TIMEOUT [30] seconds a charge point has to answer one of our CALLs. */
    public static Duration callTimeout() {
        return Duration.ofSeconds(Setting.positiveInt(CALL_TIMEOUT.name(), CALL_TIMEOUT.intDefault()));
    }

    /**
     * CSMS_CMS_TIMEOUT [25] seconds the CMS has to answer a charge point's call before it gets InternalError:
     * under the 30 s most charge points wait, so that an overloaded system answers late rather than with
     * an error.
     */
    public static Duration cmsTimeout() {
        return Duration.ofSeconds(Setting.positiveInt(CMS_TIMEOUT.name(), CMS_TIMEOUT.intDefault()));
    }

    /** CSMS_PING_INTERVAL [30] seconds between WebSocket pings; no pong for two intervals closes the socket. */
    public static Duration pingInterval() {
        return Duration.ofSeconds(Setting.positiveInt(PING_INTERVAL.name(), PING_INTERVAL.intDefault()));
    }

    /** CSMS_NODE_ALIVE_INTERVAL [20] seconds between this node's announcements that it is alive. */
    public static Duration nodeAliveInterval() {
        return Duration.ofSeconds(Setting.positiveInt(NODE_ALIVE_INTERVAL.name(), NODE_ALIVE_INTERVAL.intDefault()));
    }

    /** CSMS_EVENT_BACKLOG_LIMIT [20000]: events waiting for the CMS above which new events are held. */
    public static int eventBacklogLimit() {
        return Setting.positiveInt(EVENT_BACKLOG_LIMIT.name(), EVENT_BACKLOG_LIMIT.intDefault());
    }

    /** CSMS_JMS_SESSIONS [64]: JMS sessions (embedded: contexts) the node's sender keeps open at most. */
    public static int jmsSessions() {
        return Setting.positiveInt(JMS_SESSIONS.name(), JMS_SESSIONS.intDefault());
    }

    /** CSMS_PUBLISH_THREADS [64]: threads that publish events and wait for the broker's acknowledgement. */
    public static int publishThreads() {
        return Setting.positiveInt(PUBLISH_THREADS.name(), PUBLISH_THREADS.intDefault());
    }

    /**
     * CSMS_CHARGE_POINT_RATE [10]: CALLs per second one charge point is answered at on average (twice that
     * at once); faster CALLs wait for their turn. The earlier name CSMS_CHARGER_RATE is read when the new
     * one is not set, with a WARNING once.
     */
    public static int chargePointRate() {
        if (Setting.value(CHARGE_POINT_RATE.name(), null) == null && Setting.value(CHARGER_RATE_BEFORE, null) != null) {
            if (RATE_NAME_WARNED.compareAndSet(false, true)) {
                java.util.logging.Logger.getLogger(GatewaySettings.class.getName()).warning(CHARGER_RATE_BEFORE
                        + " is the earlier name of " + CHARGE_POINT_RATE.name() + ": please rename it");
            }
            return Setting.positiveInt(CHARGER_RATE_BEFORE, CHARGE_POINT_RATE.intDefault());
        }
        return Setting.positiveInt(CHARGE_POINT_RATE.name(), CHARGE_POINT_RATE.intDefault());
    }

    /** CALLs of one charge point that may wait behind the one being answered; the excess is a CALLERROR. */
    public static int chargePointCallsWaiting() {
        return 4;
    }

    /** CSMS_MAX_CONNECTIONS [20000]: charge points this node holds at most; further upgrades get 503. */
    public static int maxConnections() {
        return Setting.positiveInt(MAX_CONNECTIONS.name(), MAX_CONNECTIONS.intDefault());
    }

    /**
     * CSMS_SILENCE_TIMEOUT: seconds a socket may stay silent (no frame; pongs do not count) after its
     * first frame before it is closed; by default twice the heartbeat interval given to charge points
     * (CSMS_HEARTBEAT_INTERVAL [300]) plus a minute.
     */
    public static Duration silenceLimit() {
        long heartbeat = heartbeatInterval().toSeconds();
        return Duration.ofSeconds(Setting.positiveInt(SILENCE_TIMEOUT.name(), (int) (2 * heartbeat + 60)));
    }

    /** CSMS_FIRST_FRAME_TIMEOUT [60]: seconds a new socket may stay silent before it is closed. */
    public static Duration firstFrameLimit() {
        return Duration.ofSeconds(Setting.positiveInt(FIRST_FRAME_TIMEOUT.name(), FIRST_FRAME_TIMEOUT.intDefault()));
    }

    /**
     * CSMS_MIN_SECURITY_PROFILE [0]: the lowest OCPP security profile accepted at the upgrade (0, 1 or
     * 2). Above 0, charge points without a password (and unregistered ones) get 401.
     */
    public static int minSecurityProfile() {
        String v = Setting.value(MIN_SECURITY_PROFILE.name(), MIN_SECURITY_PROFILE.defaultValue());
        if (!v.matches("[012]")) {
            throw new IllegalStateException("CSMS_MIN_SECURITY_PROFILE must be 0, 1 or 2, was '" + v + "'");
        }
        return Integer.parseInt(v);
    }

    private GatewaySettings() {
    }
}
