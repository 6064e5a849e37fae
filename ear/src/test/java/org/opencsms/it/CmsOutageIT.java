package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/**
 * The CMS stops answering (its request listener paused through Liberty's pause command): chargers
 * get InternalError after the CMS timeout, their sessions live on, readiness goes down; once it
 * answers again everything is served.
 */
class CmsOutageIT {
    private static final String LISTENER = "csms#cms-ejb.jar#RequestListener";

    @Test
    void chargerGetsInternalErrorWhileTheCmsDoesNotAnswer() throws Exception {
        String id = Server.uniqueId("OUTAGE");
        Server.register("{\"id\":\"" + id + "\"}");
        try (ChargePointClient charger = ChargePointClient.connect(id)) {
            charger.ok("Heartbeat", "{}");
            server("pause");
            try {
                JsonArray answer = charger.call("Heartbeat", "{}");
                assertEquals(4, answer.getInt(0), answer.toString());
                assertEquals("InternalError", answer.getString(2));
                assertFalse(charger.isClosed());
                for (String path : new String[] {"/health/ready", "/health"}) {
                    Reply health = Server.send(HttpRequest.newBuilder(URI.create(Server.httpBase() + path)));
                    assertEquals(503, health.status(), path);
                    Server.assertNoExceptionText(health.body());
                }
            } finally {
                server("resume");
            }
            assertTrue(charger.ok("Heartbeat", "{}").containsKey("currentTime"));
            assertEquals(200, Server.send(HttpRequest.newBuilder(
                    URI.create(Server.httpBase() + "/health/ready"))).status());
        }
    }

    /** Pauses or resumes the CMS listener on every node: any node's CMS would answer otherwise. */
    private static void server(String action) throws Exception {
        Path script = Path.of(System.getProperty("csms.wlp"), "bin", "server");
        for (String server : System.getProperty("csms.servers", System.getProperty("csms.server")).split(",")) {
            Process p = new ProcessBuilder(script.toString(), action, server, "--target=" + LISTENER)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), action + " did not finish");
            assertEquals(0, p.exitValue(), action + " " + server + ": " + out);
        }
    }
}
