package org.opencsms.it;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Predicate;

import jakarta.json.JsonObject;

import org.opencsms.testkit.Api;
import org.opencsms.testkit.Reply;
import org.opencsms.testkit.Target;

/** The server under test (started by the build on its own ports) and its admin REST API. */
public final class Server {
    public static final Target TARGET = Target.fromSystemProperties();
    public static final Api API = new Api(TARGET, Duration.ofSeconds(20));
    public static final String HOST = System.getProperty("csms.host", "127.0.0.1");
    public static final int HTTP_PORT = Integer.getInteger("csms.http.port", 9080);
    public static final int HTTPS_PORT = Integer.getInteger("csms.https.port", 9443);
    public static final String ADMIN = TARGET.adminAuth();
    public static final HttpClient HTTP = Api.HTTP;

    static {
        // the build starts the server; its application may still be connecting its listeners
        API.awaitReady(Duration.ofSeconds(90));
    }

    public static String wsBase() {
        return TARGET.wsBase();
    }

    public static String wssBase() {
        return TARGET.wssBase();
    }

    public static String httpBase() {
        return TARGET.httpBase();
    }

    static HttpClient tlsClient() {
        return Api.trustingTlsClient();
    }

    public static Reply get(String path) {
        return API.get(path);
    }

    public static Reply post(String path, String json) {
        return API.post(path, json);
    }

    public static Reply put(String path, String json) {
        return API.put(path, json);
    }

    public static Reply delete(String path) {
        return API.delete(path);
    }

    public static Reply send(HttpRequest.Builder request) {
        return Api.send(request);
    }

    public static HttpRequest.Builder request(String path) {
        return API.request(path);
    }

    /** Registers a charge point; fails unless 201. */
    public static void register(String json) {
        API.register(json);
    }

    /** Polls a REST resource until the predicate holds (events are stored asynchronously). */
    public static JsonObject awaitObject(String path, Predicate<JsonObject> condition) {
        return API.awaitObject(path, condition, Duration.ofSeconds(15));
    }

    /**
     * Fails if a public answer (health, an error body) shows an exception's text: a class name, a stack
     * frame, a driver's or the broker's message.
     */
    public static void assertNoExceptionText(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.(opencsms|postgresql|eclipse|h2)|com\\.(ibm|rabbitmq)"
                        + "|Caused by|Connection refused|PSQL|SQLState|ERROR:")
                .matcher(body);
        if (m.find()) {
            throw new AssertionError("exception text '" + m.group() + "' in a public answer: " + body);
        }
    }

    /** The logs of every node of the test run (events are handled by whichever node takes them). */
    public static String log() {
        StringBuilder all = new StringBuilder();
        for (String file : System.getProperty("csms.logs", System.getProperty("csms.log")).split(",")) {
            java.nio.file.Path current = java.nio.file.Path.of(file);
            // rolled-over logs (messages_<time>.log) first, oldest first, then the current one
            try (java.util.stream.Stream<java.nio.file.Path> rolled = java.nio.file.Files.list(current.getParent())) {
                for (java.nio.file.Path p : rolled.filter(p -> p.getFileName().toString().matches("messages_.*\\.log"))
                        .sorted().toList()) {
                    all.append(java.nio.file.Files.readString(p)).append('\n');
                }
                all.append(java.nio.file.Files.readString(current)).append('\n');
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return all.toString();
    }

    /** A charge point id no other test uses. */
    public static String uniqueId(String prefix) {
        return Api.uniqueId(prefix);
    }

    private Server() {
    }
}
