package org.opencsms.payara.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Api;
import org.opencsms.testkit.Reply;

/**
 * Payara Micro keeps running when a WAR fails to deploy; its readiness must then say DOWN (503), not
 * UP with no checks, so that probes and load balancers keep traffic away.
 */
class PayaraReadinessIT {

    @Test
    void readinessIsDownWhenTheApplicationFailedToDeploy() throws Exception {
        int port = Integer.getInteger("csms.http.port", 18280) + 10;
        // a database that does not exist: the schema migration fails and csms.war is not deployed
        try (PayaraMicroProcess broken = PayaraMicroProcess.start("payara-micro-undeployed", port,
                Map.of("CSMS_DB", "postgresql", "DB_NAME", "no_such_database_" + port), true)) {
            Reply last = awaitHealthEndpoint(broken, Duration.ofSeconds(150));
            assertEquals(503, last.status(), last.body());
            JsonObject health = last.object();
            assertEquals("DOWN", health.getString("status"), last.body());
            JsonObject deployed = health.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                    .filter(c -> "csms-deployed".equals(c.getString("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no csms-deployed check: " + last.body()));
            assertEquals("DOWN", deployed.getString("status"), last.body());
            assertTrue(broken.alive(), "Payara Micro keeps running");
        }
    }

    /** The first answer of /health/ready once Payara Micro has finished deploying (the log says so). */
    private static Reply awaitHealthEndpoint(PayaraMicroProcess server, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            String log = java.nio.file.Files.readString(server.log().toPath());
            if (log.contains("Payara Micro") && log.contains("ready in")) {
                return Api.send(server.api().anonymous("/health/ready").GET());
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Payara Micro did not finish starting within " + within.toSeconds() + " s; see "
                + server.log());
    }
}
