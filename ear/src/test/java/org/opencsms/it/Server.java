package org.opencsms.it;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import jakarta.json.Json;
import jakarta.json.JsonStructure;

/** The server under test (started by the build on its own ports) and its admin REST API. */
public final class Server {
    public static final String HOST = "127.0.0.1";
    public static final int HTTP_PORT = Integer.getInteger("csms.http.port", 9080);
    public static final int HTTPS_PORT = Integer.getInteger("csms.https.port", 9443);
    public static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static {
        awaitReady();
    }

    /** The build starts the server; its application may still be connecting its listeners. */
    private static void awaitReady() {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(httpBase() + "/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                Thread.sleep(250);
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("server at " + httpBase() + " not ready within 90 s");
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static String wsBase() {
        return "ws://" + HOST + ":" + HTTP_PORT + "/ocpp/";
    }

    public static String wssBase() {
        return "wss://" + HOST + ":" + HTTPS_PORT + "/ocpp/";
    }

    public static String httpBase() {
        return "http://" + HOST + ":" + HTTP_PORT;
    }

    /** A client that trusts the server's generated self-signed certificate (tests only). */
    static HttpClient tlsClient() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Reply(int status, String body) {
        public <T extends JsonStructure> T json() {
            @SuppressWarnings("unchecked")
            T value = (T) Json.createReader(new StringReader(body)).read();
            return value;
        }

        public jakarta.json.JsonObject object() {
            return json();
        }

        public jakarta.json.JsonArray array() {
            return json();
        }
    }

    public static Reply get(String path) {
        return send(request(path).GET());
    }

    public static Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(httpBase() + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", ADMIN);
    }

    /** Registers a charge point; fails unless 201. */
    public static void register(String json) {
        Reply r = post("/api/charge-points", json);
        if (r.status() != 201) {
            throw new AssertionError("register " + json + ": " + r);
        }
    }

    /** Polls a REST resource until the predicate holds (events are stored asynchronously). */
    public static jakarta.json.JsonObject awaitObject(String path, Predicate<jakarta.json.JsonObject> condition) {
        Instant deadline = Instant.now().plusSeconds(15);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.object())) {
                return last.object();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("condition not met on " + path + "; last: " + last);
    }

    /** A charge point id no other test uses. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime() % 100_000_000L, 36);
    }

    private Server() {
    }
}
