package org.opencsms.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Settings declares what the CMS reads, reads it with the declared defaults, and the README agrees. */
class SettingsTest {
    /** Surefire runs with the module directory as working directory. */
    private static final Path README = Path.of("../README.md");
    private static final Path GATEWAY_SETTINGS =
            Path.of("../gateway-war/src/main/java/org/opencsms/gateway/platform/GatewaySettings.java");
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
        return Settings.DOCUMENTED.stream().collect(Collectors.toMap(SettingDoc::name, d -> d));
    }

    @Test
    void everyDeclaredSettingHasAReadmeRowWithTheSameDefault() throws IOException {
        Map<String, String> readme = readmeSettings();
        for (SettingDoc doc : Settings.DOCUMENTED) {
            assertTrue(readme.containsKey(doc.name()), doc.name() + " is not in the README's configuration table");
            assertEquals(doc.defaultValue(), readme.get(doc.name()), "default of " + doc.name() + " in the README");
            assertFalse(doc.meaning().isBlank(), doc.name() + " has no meaning");
        }
        assertEquals(Settings.DOCUMENTED.size(), declared().size(), "a setting is declared twice");
    }

    @Test
    void everyCsmsRowOfTheReadmeIsDeclaredByASettingsClass() throws IOException {
        String gatewaySettings = Files.readString(GATEWAY_SETTINGS);
        Set<String> undeclared = new TreeSet<>();
        for (String name : readmeSettings().keySet()) {
            if (name.startsWith("CSMS_") && !declared().containsKey(name)
                    && !gatewaySettings.contains("declare(\"" + name + "\"")) {
                undeclared.add(name);
            }
        }
        assertEquals(Set.of(), undeclared, "README rows declared by neither the CMS's Settings nor GatewaySettings");
    }

    /** What each declared setting the CMS reads itself reads, as its README default would be written. */
    private static Map<String, Supplier<Object>> readers() {
        Map<String, Supplier<Object>> readers = new LinkedHashMap<>();
        readers.put("CSMS_HEARTBEAT_INTERVAL", Settings::heartbeatInterval);
        readers.put("CSMS_AUTO_REGISTER", Settings::autoRegister);
        readers.put("CSMS_NODE_STALE_AFTER", Settings::nodeStaleAfter);
        readers.put("CSMS_CALL_TIMEOUT", Settings::callTimeout);
        readers.put("CSMS_METER_WRITERS", Settings::meterWriters);
        readers.put("CSMS_JMS_SESSIONS", Settings::jmsSessions);
        return readers;
    }

    private static boolean set(String name) {
        return System.getProperty(name) != null || System.getenv(name) != null;
    }

    @Test
    void readersUseTheDeclaredDefaults() {
        Map<String, SettingDoc> declared = declared();
        Map<String, Supplier<Object>> readers = readers();
        // read by the server configuration (and CSMS_MESSAGING by shared-api's JmsSender), not by Settings
        Set<String> expected = new TreeSet<>(declared.keySet());
        expected.removeAll(Set.of("CSMS_MESSAGING", "CSMS_DB"));
        assertEquals(expected, new TreeSet<>(readers.keySet()), "every declared setting has a reader checked here");
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, Supplier<Object>> reader : readers.entrySet()) {
            String name = reader.getKey();
            if (set(name)) {
                skipped.add(name); // this environment sets it: the default cannot be observed
                continue;
            }
            Object value = reader.getValue().get();
            String written = value instanceof Duration d ? Long.toString(d.toSeconds()) : value.toString();
            assertEquals(declared.get(name).defaultValue(), written, name + " read without a value");
        }
        assertTrue(skipped.size() < readers.size(), "every setting is set in this environment: " + skipped);
    }

    @Test
    void noOtherCmsClassReadsSettings() throws IOException {
        Pattern reading = Pattern.compile("\\bSetting\\.(value|positiveInt|flag|server|bound)\\(|System\\.getenv\\(");
        List<String> readers;
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            readers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(Path.of("org/opencsms/cms/platform/Settings.java")))
                    .filter(p -> {
                        try {
                            return reading.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).sorted().toList();
        }
        assertEquals(List.of(), readers, "classes reading settings other than Settings");
    }
}
