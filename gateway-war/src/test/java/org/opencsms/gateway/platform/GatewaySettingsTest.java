package org.opencsms.gateway.platform;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opencsms.api.config.SettingsContract;

/** GatewaySettings declares what it reads, reads it with the declared defaults, and the README agrees. */
class GatewaySettingsTest {
    private static final SettingsContract CONTRACT = new SettingsContract(GatewaySettings.DOCUMENTED,
            "org/opencsms/gateway/platform/GatewaySettings.java");

    @Test
    void everyDeclaredSettingHasAReadmeRowWithTheSameDefault() {
        CONTRACT.assertEveryDeclaredSettingIsInTheReadme();
    }

    @Test
    void everyCsmsRowOfTheReadmeIsDeclaredByASettingsClass() {
        CONTRACT.assertEveryCsmsRowIsDeclared("../cms-ejb/src/main/java/org/opencsms/cms/platform/Settings.java");
    }

    @Test
    void readersUseTheDeclaredDefaults() {
        Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
        readers.put("CSMS_MESSAGING", GatewaySettings::messaging);
        readers.put("RABBITMQ_URI", GatewaySettings::rabbitmqUri);
        readers.put("ADMIN_USER", GatewaySettings::adminUser);
        readers.put("ADMIN_PASSWORD", GatewaySettings::adminPassword);
        readers.put("CSMS_HEARTBEAT_INTERVAL", GatewaySettings::heartbeatInterval);
        readers.put("CSMS_CALL_TIMEOUT", GatewaySettings::callTimeout);
        readers.put("CSMS_CMS_TIMEOUT", GatewaySettings::cmsTimeout);
        readers.put("CSMS_PING_INTERVAL", GatewaySettings::pingInterval);
        readers.put("CSMS_NODE_ALIVE_INTERVAL", GatewaySettings::nodeAliveInterval);
        readers.put("CSMS_EVENT_BACKLOG_LIMIT", GatewaySettings::eventBacklogLimit);
        readers.put("CSMS_JMS_SESSIONS", GatewaySettings::jmsSessions);
        readers.put("CSMS_PUBLISH_THREADS", GatewaySettings::publishThreads);
        readers.put("CSMS_MIN_SECURITY_PROFILE", GatewaySettings::minSecurityProfile);
        readers.put("CSMS_CHARGE_POINT_RATE", GatewaySettings::chargePointRate);
        readers.put("CSMS_MAX_CONNECTIONS", GatewaySettings::maxConnections);
        readers.put("CSMS_FIRST_FRAME_TIMEOUT", GatewaySettings::firstFrameLimit);
        readers.put("CSMS_SILENCE_TIMEOUT", GatewaySettings::silenceLimit);
        // CSMS_NODE_ID has no default in the application: the server configuration computes and binds it
        CONTRACT.assertReadersUseTheDeclaredDefaults(readers, Set.of("CSMS_NODE_ID"),
                Map.of("CSMS_SILENCE_TIMEOUT", GatewaySettingsTest::silenceDefault));
        if (!SettingsContract.isSet("ADMIN_PASSWORD")) {
            assertNull(GatewaySettings.adminPasswordAsGiven());
        }
    }

    /** The README states the silence default as a rule on the heartbeat interval: its value, or null if unobservable. */
    private static String silenceDefault() {
        Map<String, org.opencsms.api.config.SettingDoc> declared = CONTRACT.declared();
        Matcher m = Pattern.compile("(\\d+) × heartbeat interval \\+ (\\d+)")
                .matcher(declared.get("CSMS_SILENCE_TIMEOUT").defaultValue());
        assertTrue(m.matches(), "default of CSMS_SILENCE_TIMEOUT: " + declared.get("CSMS_SILENCE_TIMEOUT").defaultValue());
        if (SettingsContract.isSet("CSMS_HEARTBEAT_INTERVAL")) {
            return null;
        }
        return Integer.toString(Integer.parseInt(m.group(1)) * declared.get("CSMS_HEARTBEAT_INTERVAL").intDefault()
                + Integer.parseInt(m.group(2)));
    }

    @Test
    void theEarlierNameOfTheRateIsStillReadAndTheNewOneWins() {
        org.junit.jupiter.api.Assumptions.assumeFalse(SettingsContract.isSet("CSMS_CHARGE_POINT_RATE")
                || SettingsContract.isSet("CSMS_CHARGER_RATE"), "this environment sets the rate");
        try {
            System.setProperty("CSMS_CHARGER_RATE", "7");
            org.junit.jupiter.api.Assertions.assertEquals(7, GatewaySettings.chargePointRate());
            System.setProperty("CSMS_CHARGE_POINT_RATE", "9");
            org.junit.jupiter.api.Assertions.assertEquals(9, GatewaySettings.chargePointRate());
        } finally {
            System.clearProperty("CSMS_CHARGER_RATE");
            System.clearProperty("CSMS_CHARGE_POINT_RATE");
        }
    }

    @Test
    void theNodeIdHasNoFallbackWithoutTheServerConfiguration() {
        assertThrows(IllegalStateException.class, GatewaySettings::nodeId);
    }

    @Test
    void noOtherGatewayClassReadsSettings() {
        CONTRACT.assertNoOtherClassReadsSettings();
    }
}
