package org.opencsms.cms.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.opencsms.api.config.SettingsContract;

/** Settings declares what the CMS reads, reads it with the declared defaults, and the README agrees. */
class SettingsTest {
    private static final SettingsContract CONTRACT = new SettingsContract(Settings.DOCUMENTED,
            "org/opencsms/cms/platform/Settings.java");

    @Test
    void everyDeclaredSettingHasAReadmeRowWithTheSameDefault() {
        CONTRACT.assertEveryDeclaredSettingIsInTheReadme();
    }

    @Test
    void everyCsmsRowOfTheReadmeIsDeclaredByASettingsClass() {
        CONTRACT.assertEveryCsmsRowIsDeclared(
                "../gateway-war/src/main/java/org/opencsms/gateway/platform/GatewaySettings.java");
    }

    @Test
    void readersUseTheDeclaredDefaults() {
        Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
        readers.put("CSMS_HEARTBEAT_INTERVAL", Settings::heartbeatInterval);
        readers.put("CSMS_AUTO_REGISTER", Settings::autoRegister);
        readers.put("CSMS_NODE_STALE_AFTER", Settings::nodeStaleAfter);
        readers.put("CSMS_CALL_TIMEOUT", Settings::callTimeout);
        readers.put("CSMS_METER_WRITERS", Settings::meterWriters);
        readers.put("CSMS_JMS_SESSIONS", Settings::jmsSessions);
        // CSMS_DB is read by the server configuration; CSMS_MESSAGING through the server's JNDI binding
        CONTRACT.assertReadersUseTheDeclaredDefaults(readers, Set.of("CSMS_MESSAGING", "CSMS_DB"), Map.of());
    }

    @Test
    void noOtherCmsClassReadsSettings() {
        CONTRACT.assertNoOtherClassReadsSettings();
    }
}
