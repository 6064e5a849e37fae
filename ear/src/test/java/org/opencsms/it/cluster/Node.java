package org.opencsms.it.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.opencsms.testkit.ChargePointClient;
import org.opencsms.it.Server;
import org.opencsms.testkit.Reply;

/** One node of the test cluster: its own HTTP port, the same broker and database as the others. */
record Node(String name, String server, int httpPort) {
    static final Node A = new Node("node A", System.getProperty("csms.server"), Server.HTTP_PORT);
    static final Node B = new Node("node B", System.getProperty("csms.server.b"),
            Integer.getInteger("csms.http.port.b", 19081));

    /** The node id this node reports (no test server sets one: the default, host name and HTTP port). */
    String nodeId() {
        return new org.opencsms.testkit.Api(org.opencsms.testkit.Target.of(httpBase())).nodeId();
    }

    String httpBase() {
        return "http://" + Server.HOST + ":" + httpPort;
    }

    ChargePointClient connect(String id) {
        return ChargePointClient.openAt("ws://" + Server.HOST + ":" + httpPort + "/ocpp/", id, List.of("ocpp1.6"), null, false);
    }

    Reply get(String path) {
        return Server.send(request(path).GET());
    }

    Reply post(String path, String json) {
        return Server.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(httpBase() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", Server.ADMIN);
    }

    boolean ready() {
        try {
            return Server.send(HttpRequest.newBuilder(URI.create(httpBase() + "/health/ready"))
                    .timeout(Duration.ofSeconds(10))).status() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void awaitReady(Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (!ready()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " not ready within " + within);
            }
            sleep(500);
        }
    }

    JsonObject await(String path, Predicate<JsonObject> condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.object())) {
                return last.object();
            }
            sleep(200);
        }
        throw new AssertionError("condition not met on " + name + " " + path + "; last: " + last);
    }

    /** Runs bin/server with the given action (start, stop) for this node's server. */
    void server(String action) throws Exception {
        String script = System.getProperty("csms.wlp") + "/bin/server";
        Process p = new ProcessBuilder(script, action, server).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("server " + action + " " + server + " failed: " + out);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
