package org.opencsms.payara.it;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.opencsms.testkit.Api;
import org.opencsms.testkit.Target;

/**
 * A Payara Micro started the way the README starts it (the same runtime, libraries, boot command files
 * and deployments in this module's target directory), as a process of its own with its output in
 * target/{name}.log. The environment is this JVM's (failsafe sets the broker and database) plus
 * {@code HTTP_PORT} and the given overrides.
 */
final class PayaraMicroProcess implements AutoCloseable {
    private static final File TARGET = new File(System.getProperty("csms.target", "target"));

    private final Process process;
    private final Api api;
    private final File log;

    private PayaraMicroProcess(Process process, Api api, File log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    static PayaraMicroProcess start(String name, int httpPort, Map<String, String> environment, boolean withCsms)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-jar", path("payara-micro.jar"), "--nocluster",
                "--addLibs", path("lib"),
                "--prebootcommandfile", path("pre-boot.asadmin"),
                "--postbootcommandfile", path("post-boot.asadmin"),
                "--deploy", path("rabbitmq-ra.rar"),
                "--deploy", path("csms-readiness.war")));
        if (withCsms) {
            command.addAll(List.of("--deploy", path("csms.war")));
        }
        File log = new File(TARGET, name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log));
        builder.environment().put("HTTP_PORT", Integer.toString(httpPort));
        builder.environment().putAll(environment);
        Process process = builder.start();
        return new PayaraMicroProcess(process, new Api(Target.local("127.0.0.1", httpPort, httpPort + 1)), log);
    }

    private static String path(String file) {
        return new File(TARGET, file).getAbsolutePath();
    }

    Api api() {
        return api;
    }

    File log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server of this test run: started once, ready, stopped when the test JVM ends. */
    static final class Shared {
        static final PayaraMicroProcess SERVER = startShared();

        private static PayaraMicroProcess startShared() {
            try {
                PayaraMicroProcess server = start("payara-micro-it", Integer.getInteger("csms.http.port", 18280),
                        Map.of(), true);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                server.api().awaitReady(Duration.ofSeconds(180));
                return server;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private Shared() {
        }
    }
}
