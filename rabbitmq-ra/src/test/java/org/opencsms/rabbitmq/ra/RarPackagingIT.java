package org.opencsms.rabbitmq.ra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs after the package phase: the .rar holds the descriptor and our classes, and no client jars. */
class RarPackagingIT {

    @Test
    void rarHoldsDescriptorAndClassesButNotTheClient() throws IOException {
        Path rar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            rar = files.filter(p -> p.toString().endsWith(".rar")).findFirst().orElse(null);
        }
        assertNotNull(rar, "target/*.rar built");
        try (ZipFile zip = new ZipFile(rar.toFile())) {
            assertNotNull(zip.getEntry("META-INF/ra.xml"));
            List<String> jars = zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(".jar")).collect(Collectors.toList());
            assertEquals(1, jars.size(), "only our own jar, the client comes from the server: " + jars);
            boolean hasAdapter = false;
            try (InputStream in = zip.getInputStream(zip.getEntry(jars.get(0))); JarInputStream jar = new JarInputStream(in)) {
                for (ZipEntry e; (e = jar.getNextEntry()) != null; ) {
                    hasAdapter |= e.getName().equals(RabbitResourceAdapter.class.getName().replace('.', '/') + ".class");
                }
            }
            assertTrue(hasAdapter, jars.get(0) + " holds the adapter classes");
        }
        try (Stream<Path> files = Files.walk(Path.of("target"), 2)) {
            assertEquals(1, files.filter(p -> p.toString().endsWith("-classes.jar")).count(), "classes jar built");
        }
    }
}
