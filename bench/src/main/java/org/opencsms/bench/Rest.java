package org.opencsms.bench;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.opencsms.testkit.Reply;
import org.opencsms.testkit.Target;

/** Asynchronous REST calls as the admin (java.net.http), for set-up, canaries, metrics and verification. */
final class Rest {
    final Target target;
    private final ExecutorService executor;
    final HttpClient http;

    Rest(Target target) {
        this.target = target;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
    }

    CompletableFuture<Reply> get(String path, boolean admin, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.httpBase() + path)).timeout(timeout).GET();
        if (admin) {
            b.header("Authorization", target.adminAuth());
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    CompletableFuture<Reply> post(String path, String json, Duration timeout) {
        HttpRequest r = HttpRequest.newBuilder(URI.create(target.httpBase() + path)).timeout(timeout)
                .header("Authorization", target.adminAuth()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.sendAsync(r, HttpResponse.BodyHandlers.ofString()).thenApply(x -> new Reply(x.statusCode(), x.body()));
    }

    void close() {
        executor.shutdownNow();
    }

    static JsonObject object(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    /** An ISO-8601 instant (Z or offset, any fraction) as epoch milliseconds, or Long.MIN_VALUE. */
    static long epochMs(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (RuntimeException e) {
            try {
                return OffsetDateTime.parse(text).toInstant().toEpochMilli();
            } catch (RuntimeException e2) {
                return Long.MIN_VALUE;
            }
        }
    }
}
