package org.opencsms.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import jakarta.json.JsonObject;

/** The REST API and health endpoints of one running system, called as its admin. */
public final class Api {
    public static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final Target target;
    private final Duration timeout;

    public Api(Target target) {
        this(target, Duration.ofSeconds(60));
    }

    public Api(Target target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    public Target target() {
        return target;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request to a path of this system, with the admin's credentials. */
    public HttpRequest.Builder request(String path) {
        return anonymous(path).header("Authorization", target.adminAuth());
    }

    /** A request to a path of this system without credentials. */
    public HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(target.httpBase() + path)).timeout(timeout);
    }

    public static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Registers a charge point from its JSON description; fails unless 201. */
    public JsonObject register(String json) {
        Reply r = post("/api/charge-points", json);
        if (r.status() != 201) {
            throw new AssertionError("register " + json + ": " + r);
        }
        return r.object();
    }

    /** Polls a REST resource until the predicate holds (events are stored asynchronously). */
    public JsonObject awaitObject(String path, Predicate<JsonObject> condition, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Reply last = null;
        while (true) {
            last = get(path);
            if (last.status() == 200 && condition.test(last.object())) {
                return last.object();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met on " + target.httpBase() + path + " within "
                        + within.toSeconds() + " s; last: " + last);
            }
            pause(100);
        }
    }

    /** The readiness answer once the system is ready ({@code /health/ready} 200 UP). */
    public JsonObject awaitReady(Duration within) {
        Instant deadline = Instant.now().plus(within);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                Reply r = send(anonymous("/health/ready").timeout(Duration.ofSeconds(10)).GET());
                last = r.status() + " " + r.body();
                if (r.status() == 200 && r.body().contains("cms-round-trip")) {
                    return r.object();
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            pause(250);
        }
        throw new IllegalStateException(target.httpBase() + " not ready within " + within.toSeconds()
                + " s; last: " + last);
    }

    /** The node id this system's readiness check reports. */
    public String nodeId() {
        return nodeId(awaitReady(Duration.ofSeconds(5)));
    }

    /** The node id in a readiness answer (the cms-round-trip check's data). */
    public static String nodeId(JsonObject readiness) {
        return readiness.getJsonArray("checks").stream().map(v -> v.asJsonObject())
                .filter(c -> "cms-round-trip".equals(c.getString("name"))).findFirst()
                .map(c -> c.getJsonObject("data").getString("node"))
                .orElseThrow(() -> new AssertionError("no cms-round-trip check in " + readiness));
    }

    /** A path segment, percent-encoded (space as %20, not +). */
    public static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An id no other run uses: prefix, dash, 6 random characters. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    /** A client that trusts any server certificate: for tests of generated self-signed ones only. */
    public static HttpClient trustingTlsClient() {
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

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
