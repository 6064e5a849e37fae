package org.opencsms.gateway.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.opencsms.api.config.SettingDoc;

/** GatewaySettings declares what it reads, reads it with the declared defaults, and the README agrees. */
class GatewaySettingsTest {
    /** Surefire runs with the module directory as working directory. */
    private static final Path README = Path.of("../README.md");
    private static final Path CMS_SETTINGS = Path.of("../cms-ejb/src/main/java/org/opencsms/cms/platform/Settings.java");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    /** The configuration table's rows: name to default, as the README writes them. */
    static Map<String, String> readmeSettings() throws IOException {
        String text = Files.readString(README);
        int start = text.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README has no Configuration section");
        int end = text.indexOf("\n## ", start + 1);
        Map<String, String> settings = new LinkedHashMap<>();
        Pattern entry = Pattern.compile("`([A-Z][A-Z0-9_]*)` \\[([^\\]]*)\\]");
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.substring(1, line.indexOf('|', 1));
            Matcher m = entry.matcher(firstCell);
            while (m.find()) {
                String previous = settings.put(m.group(1), m.group(2));
                assertNull(previous, m.group(1) + " has two rows in the README");
            }
        }
        assertFalse(settings.isEmpty(), "no configuration table found in the README");
        return settings;
    }

    private static Map<String, SettingDoc> declared() {
        return GatewaySettings.DOCUMENTED.stream().collect(Collectors.toMap(SettingDoc::name, d -> d));
    }

    @Test
    void everyDeclaredSettingHasAReadmeRowWithTheSameDefault() throws IOException {
        Map<String, String> readme = readmeSettings();
        for (SettingDoc doc : GatewaySettings.DOCUMENTED) {
            assertTrue(readme.containsKey(doc.name()), doc.name() + " is not in the README's configuration table");
            assertEquals(doc.defaultValue(), readme.get(doc.name()), "default of " + doc.name() + " in the README");
            assertFalse(doc.meaning().isBlank(), doc.name() + " has no meaning");
        }
        assertEquals(GatewaySettings.DOCUMENTED.size(), declared().size(), "a setting is declared twice");
    }

    @Test
    void everyCsmsRowOfTheReadmeIsDeclaredByASettingsClass() throws IOException {
        String cmsSettings = Files.readString(CMS_SETTINGS);
        Set<String> undeclared = new TreeSet<>();
        for (String name : readmeSettings().keySet()) {
            if (name.startsWith("CSMS_") && !declared().containsKey(name)
                    && !cmsSettings.contains("declare(\"" + name + "\"")) {
                undeclared.add(name);
            }
        }
        assertEquals(Set.of(), undeclared, "README rows declared by neither GatewaySettings nor the CMS's Settings");
    }

    /** What each declared setting reads, as its README default would be written. */
    private static Map<String, Supplier<Object>> readers() {
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
        readers.put("CSMS_CHARGER_RATE", GatewaySettings::chargePointRate);
        readers.put("CSMS_MAX_CONNECTIONS", GatewaySettings::maxConnections);
        readers.put("CSMS_FIRST_FRAME_TIMEOUT", GatewaySettings::firstFrameLimit);
        readers.put("CSMS_SILENCE_TIMEOUT", GatewaySettings::silenceLimit);
        return readers;
    }

    private static boolean set(String name) {
        return System.getProperty(name) != null || System.getenv(name) != null;
    }

    @Test
    void readersUseTheDeclaredDefaults() {
        Map<String, SettingDoc> declared = declared();
        Map<String, Supplier<Object>> readers = readers();
        // CSMS_NODE_ID has no default in the application: the server configuration computes and binds it
        Set<String> expected = new TreeSet<>(declared.keySet());
        expected.remove("CSMS_NODE_ID");
        assertEquals(expected, new TreeSet<>(readers.keySet()), "every declared setting has a reader checked here");
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, Supplier<Object>> reader : readers.entrySet()) {
            String name = reader.getKey();
            String def = declared.get(name).defaultValue();
            if (name.equals("CSMS_SILENCE_TIMEOUT")) {
                Matcher m = Pattern.compile("(\\d+) × heartbeat interval \\+ (\\d+)").matcher(def);
                assertTrue(m.matches(), "default of CSMS_SILENCE_TIMEOUT: " + def);
                if (set("CSMS_HEARTBEAT_INTERVAL")) {
                    skipped.add(name);
                    continue;
                }
                def = Integer.toString(Integer.parseInt(m.group(1))
                        * declared.get("CSMS_HEARTBEAT_INTERVAL").intDefault() + Integer.parseInt(m.group(2)));
            }
            if (set(name)) {
                skipped.add(name); // this environment sets it: the default cannot be observed
                continue;
            }
            Object value = reader.getValue().get();
            String written = value instanceof Duration d ? Long.toString(d.toSeconds()) : value.toString();
            assertEquals(def, written, name + " read without a value");
        }
        assertTrue(skipped.size() < readers.size(), "every setting is set in this environment: " + skipped);
        if (!set("ADMIN_PASSWORD")) {
            assertNull(GatewaySettings.adminPasswordAsGiven());
        }
    }

    @Test
    void theNodeIdHasNoFallbackWithoutTheServerConfiguration() {
        assertThrows(IllegalStateException.class, GatewaySettings::nodeId);
    }

    @Test
    void noOtherGatewayClassReadsSettings() throws IOException {
        Pattern reading = Pattern.compile("\\bSetting\\.(value|positiveInt|flag|server|bound)\\(|System\\.getenv\\(");
        List<String> readers;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            readers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("org/opencsms/gateway/platform/GatewaySettings.java")))
                    .filter(p -> {
                        try {
                            return reading.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), readers, "classes reading settings other than GatewaySettings");
    }
}
