package org.opencsms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What each module (and the CMS's components) may import, as ARCHITECTURE.md states it, checked on the
 * sources of every module: a change that crosses a boundary fails here with the file and the import.
 */
class ModuleBoundariesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    /** Every import of the main sources under {@code dir} that matches {@code forbidden}, as "file: import". */
    private static List<String> imports(String dir, String forbidden) {
        Path base = ROOT.resolve(dir);
        assertTrue(Files.isDirectory(base), "no sources at " + base.toAbsolutePath().normalize());
        Pattern bad = Pattern.compile(forbidden);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    if (bad.matcher(m.group(1)).lookingAt()) {
                        found.add(ROOT.relativize(f) + ": " + m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    @Test
    void theOcppProtocolIsPlainJavaAndJsonP() {
        assertEquals(List.of(), imports("ocpp-protocol/src/main/java",
                "(?!java\\.|jakarta\\.json\\.|org\\.opencsms\\.ocpp\\.)"));
    }

    @Test
    void theContractKnowsNoImplementationNorTheProtocolNorJms() {
        assertEquals(List.of(), imports("shared-api/src/main/java", "org\\.opencsms\\.(?!api\\.)|jakarta\\.jms\\."));
    }

    @Test
    void jmsSendingIsInfrastructureOnly() {
        assertEquals(List.of(), imports("messaging-jms/src/main/java",
                "(?!java\\.|jakarta\\.jms\\.|org\\.opencsms\\.messaging\\.)"));
    }

    @Test
    void gatewayAndCmsMeetOnlyThroughTheContract() {
        assertEquals(List.of(), imports("gateway-war/src/main/java", "org\\.opencsms\\.cms\\."));
        assertEquals(List.of(), imports("cms-ejb/src/main/java", "org\\.opencsms\\.gateway\\."));
    }

    @Test
    void theCmsDomainSeesNoMessageEnvelope() {
        for (String component : List.of("chargepoint", "transaction", "authorization", "deadletter", "command",
                "activity", "site", "user", "locallist", "firmware", "smartcharging", "reservation")) {
            assertEquals(List.of(), imports("cms-ejb/src/main/java/org/opencsms/cms/" + component,
                    "org\\.opencsms\\.api\\.messaging\\.(Calls|Events)\\b"), component);
        }
    }

    @Test
    void reservationsDoNotDependOnTransactions() {
        // transactions use reservations (a StartTransaction naming one), never the reverse
        assertEquals(List.of(), imports("cms-ejb/src/main/java/org/opencsms/cms/reservation",
                "org\\.opencsms\\.cms\\.transaction\\."));
    }

    @Test
    void authorizationDoesNotDependOnTransactions() {
        assertEquals(List.of(), imports("cms-ejb/src/main/java/org/opencsms/cms/authorization",
                "org\\.opencsms\\.cms\\.transaction\\."));
    }
}
