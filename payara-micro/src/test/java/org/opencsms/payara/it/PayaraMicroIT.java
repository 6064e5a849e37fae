package org.opencsms.payara.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged csms.war on a real Payara Micro (one JVM for the whole class), with the resource
 * adapter, the server libraries and the post-boot commands of this module, against RabbitMQ and
 * PostgreSQL; driven from outside like a charger and an operator would. The failsafe configuration
 * (profile broker) gives the Payara Micro JVM its environment: node id, database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraMicroIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

    @ArquillianResource
    URL base;

    /** The module's own artifact, exactly as built (failsafe runs after package). */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("csms.war", "target/csms.war")));
    }

    /** The system takes calls only once the whole JMS round trip works: wait for readiness first. */
    @BeforeEach
    void ready() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = send(HttpRequest.newBuilder(uri("/health/ready")).GET());
            if (last.status() == 200 && last.body().contains("cms-round-trip")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within 60 s: " + last);
    }

    @Test
    void readinessCoversTheCmsRoundTrip() throws Exception {
        Reply r = send(HttpRequest.newBuilder(uri("/health/ready")).GET());
        assertEquals(200, r.status(), r.body());
        JsonObject health = json(r.body()).asJsonObject();
        assertEquals("UP", health.getString("status"));
        JsonObject check = health.getJsonArray("checks").getJsonObject(0);
        assertEquals("cms-round-trip", check.getString("name"));
        assertEquals("UP", check.getString("status"));
        assertEquals(System.getProperty("csms.node.id"), check.getJsonObject("data").getString("node"),
                "the node id of the environment, bound as csms/nodeId");
    }

    @Test
    void restApiNeedsTheAdminsCredentials() throws Exception {
        String id = uniqueId("AUTH");
        Reply anonymous = send(HttpRequest.newBuilder(uri("/api/charge-points"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\"}")));
        assertEquals(401, anonymous.status());
        assertEquals(201, register(id).status());
        assertEquals(id, json(get("/api/charge-points/" + id).body()).asJsonObject().getString("id"));
    }

    @Test
    void bootAndHeartbeat() throws Exception {
        String id = uniqueId("BOOT");
        assertEquals(201, register(id).status());
        try (Charger charger = Charger.connect(base.toURI(), id)) {
            assertEquals("ocpp1.6", charger.subprotocol());
            JsonObject boot = charger.call("BootNotification",
                    "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            assertEquals("Accepted", boot.getString("status"));
            assertTrue(boot.getInt("interval") > 0);
            JsonObject heartbeat = charger.call("Heartbeat", "{}");
            assertTrue(heartbeat.getString("currentTime").endsWith("Z"), heartbeat.toString());
        }
        JsonObject cp = json(get("/api/charge-points/" + id).body()).asJsonObject();
        assertEquals("ACME", cp.getString("vendor"));
        assertEquals("Wallbox", cp.getString("model"));
    }

    @Test
    void statusNotificationReachesTheDatabase() throws Exception {
        String id = uniqueId("STATUS");
        assertEquals(201, register(id).status());
        try (Charger charger = Charger.connect(base.toURI(), id)) {
            charger.call("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            assertEquals(JsonValue.EMPTY_JSON_OBJECT, charger.call("StatusNotification",
                    "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}"));
            // events are handled asynchronously (event topic -> EventListener -> database)
            JsonObject cp = await("/api/charge-points/" + id, o -> !o.getJsonArray("connectors").isEmpty());
            JsonObject connector = cp.getJsonArray("connectors").getJsonObject(0);
            assertEquals(1, connector.getInt("connectorId"));
            assertEquals("Available", connector.getString("status"));
            assertEquals("NoError", connector.getString("errorCode"));
        }
    }

    @Test
    void commandRoundTrip() throws Exception {
        String id = uniqueId("CMD");
        assertEquals(201, register(id).status());
        try (Charger charger = Charger.connect(base.toURI(), id)) {
            charger.call("BootNotification", "{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"Wallbox\"}");
            await("/api/charge-points/" + id, o -> o.getBoolean("connected"));
            CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(() -> post(
                    "/api/charge-points/" + id + "/commands/ClearCache", "{}"));
            // REST -> CMS -> command topic (selector targetNode = this node) -> CommandListener -> socket
            JsonArray call = charger.next();
            assertEquals(2, call.getInt(0));
            assertEquals("ClearCache", call.getString(2));
            charger.send("[3,\"" + call.getString(1) + "\",{\"status\":\"Accepted\"}]");
            Reply r = reply.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertEquals("Accepted", json(r.body()).asJsonObject().getString("status"));
        }
    }

    record Reply(int status, String body) {
    }

    private static String uniqueId(String prefix) {
        return "PM-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private URI uri(String path) {
        return URI.create("http://" + base.getHost() + ":" + base.getPort() + path);
    }

    private Reply register(String id) {
        return post("/api/charge-points", "{\"id\":\"" + id + "\"}");
    }

    private Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN).GET());
    }

    private Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(40)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a GET resource until the predicate holds (at most 15 s) and returns the last answer. */
    private JsonObject await(String path, Predicate<JsonObject> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Reply r = get(path);
            if (r.status() == 200) {
                last = json(r.body()).asJsonObject();
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met for " + path + ", last: " + last);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
