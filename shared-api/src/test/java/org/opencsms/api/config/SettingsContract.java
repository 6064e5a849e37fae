package org.opencsms.api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The checks every deployable's settings class must pass against the README's configuration table
 * (shared by the deployables' tests through this module's test jar). Paths are relative to the module
 * directory, surefire's working directory.
 */
public final class SettingsContract {
    private static final Path README = Path.of("../README.md");
    private static final Pattern READING =
            Pattern.compile("\\bSetting\\.(value|positiveInt|flag|server|bound)\\(|System\\.getenv\\(");

    private final List<SettingDoc> documented;
    private final Path settingsSource;

    /** @param settingsSource the settings class's source, relative to src/main/java */
    public SettingsContract(List<SettingDoc> documented, String settingsSource) {
        this.documented = documented;
        this.settingsSource = Path.of(settingsSource);
    }

    /** The configuration table's rows: name to default, as the README writes them. */
    public static Map<String, String> readmeSettings() {
        String text = read(README);
        int start = text.indexOf("\n## Configuration\n");
        assertTrue(start >= 0, "README has no Configuration section");
        int end = text.indexOf("\n## ", start + 1);
        Map<String, String> settings = new LinkedHashMap<>();
        Pattern entry = Pattern.compile("`([A-Z][A-Z0-9_]*)` \\[([^\\]]*)\\]");
        for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher m = entry.matcher(line.substring(1, line.indexOf('|', 1)));
            while (m.find()) {
                assertNull(settings.put(m.group(1), m.group(2)), m.group(1) + " has two rows in the README");
            }
        }
        assertFalse(settings.isEmpty(), "no configuration table found in the README");
        return settings;
    }

    public Map<String, SettingDoc> declared() {
        Map<String, SettingDoc> byName = documented.stream().collect(Collectors.toMap(SettingDoc::name, d -> d));
        assertEquals(documented.size(), byName.size(), "a setting is declared twice");
        return byName;
    }

    /** Every declared setting has a README row with the same default, and a meaning. */
    public void assertEveryDeclaredSettingIsInTheReadme() {
        Map<String, String> readme = readmeSettings();
        for (SettingDoc doc : documented) {
            assertTrue(readme.containsKey(doc.name()), doc.name() + " is not in the README's configuration table");
            assertEquals(doc.defaultValue(), readme.get(doc.name()), "default of " + doc.name() + " in the README");
            assertFalse(doc.meaning().isBlank(), doc.name() + " has no meaning");
        }
        declared();
    }

    /** Every CSMS_* row of the README is declared here or in {@code otherSettingsSource} (a path from the module). */
    public void assertEveryCsmsRowIsDeclared(String otherSettingsSource) {
        String other = read(Path.of(otherSettingsSource));
        Map<String, SettingDoc> declared = declared();
        Set<String> undeclared = new TreeSet<>();
        for (String name : readmeSettings().keySet()) {
            if (name.startsWith("CSMS_") && !declared.containsKey(name) && !other.contains("declare(\"" + name + "\"")) {
                undeclared.add(name);
            }
        }
        assertEquals(Set.of(), undeclared, "README rows declared by no settings class");
    }

    /**
     * Each reader, with nothing set, returns the declared default ({@code expectedDefault} turns a
     * declared default into the value written, for defaults the README states as a rule). A setting this
     * environment sets is skipped, not all of them.
     */
    public void assertReadersUseTheDeclaredDefaults(Map<String, Supplier<Object>> readers, Set<String> notReadHere,
                                                     Map<String, Supplier<String>> computedDefaults) {
        Map<String, SettingDoc> declared = declared();
        Set<String> expected = new TreeSet<>(declared.keySet());
        expected.removeAll(notReadHere);
        assertEquals(expected, new TreeSet<>(readers.keySet()), "every declared setting has a reader checked here");
        List<String> skipped = new ArrayList<>();
        for (Map.Entry<String, Supplier<Object>> reader : readers.entrySet()) {
            String name = reader.getKey();
            Supplier<String> computed = computedDefaults.get(name);
            String def = computed != null ? computed.get() : declared.get(name).defaultValue();
            if (def == null || isSet(name)) {
                skipped.add(name); // this environment sets it (or what it derives from): the default cannot be observed
                continue;
            }
            Object value = reader.getValue().get();
            String written = value instanceof Duration d ? Long.toString(d.toSeconds()) : value.toString();
            assertEquals(def, written, name + " read without a value");
        }
        assertTrue(skipped.size() < readers.size(), "every setting is set in this environment: " + skipped);
    }

    /** No class under src/main/java but the settings class reads a setting. */
    public void assertNoOtherClassReadsSettings() {
        List<String> readers;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            readers = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.endsWith(settingsSource))
                    .filter(p -> READING.matcher(read(p)).find())
                    .map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), readers, "classes reading settings other than " + settingsSource.getFileName());
    }

    public static boolean isSet(String name) {
        return System.getProperty(name) != null || System.getenv(name) != null;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
