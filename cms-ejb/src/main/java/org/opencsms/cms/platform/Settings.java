package org.opencsms.cms.platform;

import org.opencsms.api.config.Setting;

/** Settings of the CMS (see {@link Setting} for where they are read from). */
public final class Settings {
    /** CSMS_HEARTBEAT_INTERVAL [300]: heartbeat interval in seconds given to accepted chargers. */
    public static int heartbeatInterval() {
        return Setting.positiveInt("CSMS_HEARTBEAT_INTERVAL", 300);
    }

    /** CSMS_AUTO_REGISTER [false]: an unknown charger that boots is registered and accepted, not rejected. */
    public static boolean autoRegister() {
        return Setting.flag("CSMS_AUTO_REGISTER", false);
    }

    /** CSMS_NODE_STALE_AFTER [90]: seconds after which a silent gateway node's sessions no longer count. */
    public static int nodeStaleAfter() {
        return Setting.positiveInt("CSMS_NODE_STALE_AFTER", 90);
    }

    private Settings() {
    }
}
