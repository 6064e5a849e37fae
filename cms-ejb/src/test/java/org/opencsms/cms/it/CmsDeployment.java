package org.opencsms.cms.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filter;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one deployment of the CMS integration tests, shared by every *IT. The Payara Micro adapter starts
 * a JVM (~10 s) per deployment, that is per concrete test class: keep their number small.
 *
 * <p>The WAR holds the charge point, authorization, transaction, activity, site and console user components,
 * the records of the command, local list and firmware components
 * and the platform beans (schema migration, settings), the shared API packages, persistence.xml and
 * beans.xml, the Flyway migrations and the Flyway jars.
 * It leaves out {@code org.opencsms.cms.messaging}: its message-driven beans need a JMS broker,
 * which Payara Micro does not have. The database is Payara Micro's embedded H2 behind
 * {@code java:comp/DefaultDataSource}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class CmsDeployment {
    private static final Path MAIN_RESOURCES = Paths.get("src/main/resources");

    @Deployment
    public static WebArchive deployment() {
        // package scans also see the test classes of those packages: keep unit tests out. (Local, not a
        // static field: this class is loaded in the server too, which has no ShrinkWrap implementation.)
        Filter<ArchivePath> noTests = Filters.exclude(".*(Test|IT)(\\$.*)?\\.class");
        WebArchive war = ShrinkWrap.create(WebArchive.class, "cms-it.war")
                .addPackages(true, noTests, "org.opencsms.cms.chargepoint", "org.opencsms.cms.authorization",
                        "org.opencsms.cms.transaction", "org.opencsms.cms.deadletter", "org.opencsms.cms.activity",
                        "org.opencsms.cms.site", "org.opencsms.cms.user")
                // the profile library and the installed records, not the commands (they need the exchange)
                .addPackages(true, Filters.exclude(".*((Test|IT)(\\$.*)?|SmartChargingService)\\.class"),
                        "org.opencsms.cms.smartcharging")
                // the protocol's codec checks charging profiles (provided by the EAR's lib, so not a dependency here)
                .addPackages(true, noTests, "org.opencsms.ocpp")
                // the event table for dead-letter replays; not the message-driven beans (no broker here)
                .addClasses(org.opencsms.cms.messaging.EventDispatcher.class)
                .addClass("org.opencsms.cms.messaging.Handlers")
                .addClass("org.opencsms.cms.messaging.Handlers$UnknownTypeException")
                .addClass("org.opencsms.cms.messaging.FaultHook")
                .addClass("org.opencsms.cms.messaging.Translations")
                // the reservation records (transactions use them), not the exchange (it sends commands)
                .addPackages(true, noTests, "org.opencsms.cms.reservation.entity")
                .addClasses(org.opencsms.cms.reservation.boundary.ReservationRecords.class)
                .addClass("org.opencsms.cms.reservation.boundary.ReservationRecords$Outcome")
                // the command records, not the exchange (it needs the broker)
                .addClasses(org.opencsms.cms.command.boundary.CommandRecords.class,
                        org.opencsms.cms.command.boundary.CommandRecords.Opened.class,
                        org.opencsms.cms.command.entity.CommandRecord.class,
                        org.opencsms.cms.command.boundary.ConfigurationReads.class,
                        org.opencsms.cms.command.entity.ReportedConfigurationKey.class,
                        org.opencsms.cms.command.entity.ReportedConfigurationKey.ConfigurationKeyId.class)
                .addClass("org.opencsms.cms.command.boundary.ConfigurationReads$ReportedKey")
                // local lists and jobs: their records, not the operations that send (they need the exchange)
                .addPackages(true, Filters.exclude(".*((Test|IT)(\\$.*)?|LocalListService.*|FirmwareJobService)\\.class"),
                        "org.opencsms.cms.locallist", "org.opencsms.cms.firmware")
                // not the JMS sender: its connection factory needs the broker
                .addPackages(false, Filters.exclude(".*((Test|IT)(\\$.*)?|CmsSender)\\.class"), "org.opencsms.cms.platform")
                .addPackages(true, noTests, "org.opencsms.api.cms", "org.opencsms.api.messaging",
                        "org.opencsms.api.config", "org.opencsms.api.text")
                // the OCPP records the local list payloads are written with (provided by the server's EAR)
                .addPackages(true, noTests, "org.opencsms.ocpp")
                .addClass(CmsDeployment.class)
                .addAsResource(MAIN_RESOURCES.resolve("META-INF/persistence.xml").toFile(), "META-INF/persistence.xml")
                .addAsWebInfResource(MAIN_RESOURCES.resolve("META-INF/beans.xml").toFile(), "beans.xml")
                .addAsLibraries(Maven.configureResolver().workOffline()
                        .loadPomFromFile("pom.xml")
                        .importCompileAndRuntimeDependencies()
                        .resolve().withTransitivity().asFile());
        for (String dir : List.of("db/migration")) {
            try (Stream<Path> files = Files.walk(MAIN_RESOURCES.resolve(dir))) {
                files.filter(Files::isRegularFile).forEach(f -> war.addAsResource(f.toFile(),
                        MAIN_RESOURCES.relativize(f).toString().replace(File.separatorChar, '/')));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return war;
    }

    /** A charge point id no other test uses (at most 48 characters). */
    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
