package org.opencsms.cms.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.opencsms.api.config.Setting;
import org.opencsms.api.config.SettingDoc;

/**
 * Settings of the CMS: the one place the CMS reads them (see {@link Setting} for where they are read
 * from: a system property wins over the environment variable of the same name). Each is declared below
 * with its default as the README's configuration table writes it; {@link #DOCUMENTED} lists them all,
 * and a test checks that the README and this class agree.
 */
public final class Settings {

    private static final List<SettingDoc> declared = new ArrayList<>();

    private static SettingDoc declare(String name, String defaultValue, String meaning) {
        SettingDoc doc = new SettingDoc(name, defaultValue, meaning);
        declared.add(doc);
        return doc;
    }

    static final SettingDoc MESSAGING = declare("CSMS_MESSAGING", "embedded",
            "embedded or rabbitmq: read by the server configuration and by shared-api's JmsSender, not here");
    static final SettingDoc DB = declare("CSMS_DB", "embedded",
            "embedded (H2) or postgresql: read by the server configuration (the data source), not here");
    static final SettingDoc HEARTBEAT_INTERVAL = declare("CSMS_HEARTBEAT_INTERVAL", "300",
            "heartbeat interval (s) given to accepted charge points");
    static final SettingDoc AUTO_REGISTER = declare("CSMS_AUTO_REGISTER", "false",
            "accept and register unknown charge points at BootNotification");
    static final SettingDoc NODE_STALE_AFTER = declare("CSMS_NODE_STALE_AFTER", "90",
            "seconds after which a silent gateway node's sessions no longer count");
    static final SettingDoc CALL_TIMEOUT = declare("CSMS_CALL_TIMEOUT", "30",
            "seconds a charge point has to answer one of our CALLs: a command expires 5 s after that");
    static final SettingDoc METER_WRITERS = declare("CSMS_METER_WRITERS", "2",
            "threads that store MeterValues in batches (each holds one database connection while it writes)");
    static final SettingDoc JMS_SESSIONS = declare("CSMS_JMS_SESSIONS", "64",
            "JMS sessions (embedded: contexts) the node's sender keeps open");

    /** Every setting the CMS uses, as the README documents it. */
    public static final List<SettingDoc> DOCUMENTED = List.copyOf(declared);

    /** CSMS_HEARTBEAT_INTERVAL [300]: heartbeat interval in seconds given to accepted charge points. */
    public static int heartbeatInterval() {
        return Setting.positiveInt(HEARTBEAT_INTERVAL.name(), HEARTBEAT_INTERVAL.intDefault());
    }

    /** CSMS_AUTO_REGISTER [false]: an unknown charge point that boots is registered and accepted, not rejected. */
    public static boolean autoRegister() {
        return Setting.flag(AUTO_REGISTER.name(), Boolean.parseBoolean(AUTO_REGISTER.defaultValue()));
    }

    /** CSMS_NODE_STALE_AFTER [90]: seconds after which a silent gateway node's sessions no longer count. */
    public static int nodeStaleAfter() {
        return Setting.positiveInt(NODE_STALE_AFTER.name(), NODE_STALE_AFTER.intDefault());
    }

    /**
     * CSMS_CALL_TIMEOUT [30] seconds a charge point has to answer one of our CALLs (the gateway waits that
     * long); a command nobody waits for any more expires a little later.
     */
    public static Duration callTimeout() {
        return Duration.ofSeconds(Setting.positiveInt(CALL_TIMEOUT.name(), CALL_TIMEOUT.intDefault()));
    }

    /** CSMS_METER_WRITERS [2]: writer threads of MeterValues (each holds one database connection while it writes). */
    public static int meterWriters() {
        return Setting.positiveInt(METER_WRITERS.name(), METER_WRITERS.intDefault());
    }

    /** CSMS_JMS_SESSIONS [64]: JMS sessions (embedded: contexts) the node's sender keeps open at most. */
    public static int jmsSessions() {
        return Setting.positiveInt(JMS_SESSIONS.name(), JMS_SESSIONS.intDefault());
    }

    /**
     * Whether the node runs with CSMS_MESSAGING=rabbitmq; the server configuration's value, bound as JNDI
     * csms/messaging, wins, so application and server cannot disagree.
     */
    public static boolean rabbitmq() {
        return "rabbitmq".equalsIgnoreCase(Setting.server("messaging", MESSAGING.name(), MESSAGING.defaultValue()));
    }

    private Settings() {
    }
}
