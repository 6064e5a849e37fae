package org.opencsms.gateway.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.Contract;
import org.opencsms.gateway.cms.CmsCallFailed;
import org.opencsms.gateway.cms.RecordingCmsClient;

/** Readiness: up only when the CMS round trip, its database, this node's events and its command route all work. */
class CmsReadinessTest {
    private final RecordingCmsClient cms = new RecordingCmsClient();
    private final CmsReadiness readiness = new CmsReadiness();

    /** The server's response builder, reduced to what a response holds. */
    @BeforeAll
    static void responses() {
        HealthCheckResponse.setResponseProvider(() -> new HealthCheckResponseBuilder() {
            private String name;
            private Status status = Status.UP;
            private final Map<String, Object> data = new LinkedHashMap<>();

            @Override
            public HealthCheckResponseBuilder name(String n) {
                name = n;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, String value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, long value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, boolean value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder up() {
                return status(true);
            }

            @Override
            public HealthCheckResponseBuilder down() {
                return status(false);
            }

            @Override
            public HealthCheckResponseBuilder status(boolean up) {
                status = up ? Status.UP : Status.DOWN;
                return this;
            }

            @Override
            public HealthCheckResponse build() {
                return new HealthCheckResponse(name, status, data.isEmpty() ? Optional.empty() : Optional.of(data));
            }
        });
    }

    @BeforeEach
    void setUp() {
        readiness.cms = cms;
        cms.probeAnswer = CompletableFuture.completedFuture(CommandResult.of(CommandResult.Outcome.RESULT, "probe received"));
    }

    private HealthCheckResponse check(Calls.PingReply reply) {
        cms.onCall = call -> call.reply(reply);
        return readiness.call();
    }

    @Test
    void readyWhenEverythingAnswers() {
        HealthCheckResponse r = check(new Calls.PingReply(true, true, 3));
        assertEquals(Status.UP, r.getStatus());
        assertEquals(Map.of("node", RecordingCmsClient.NODE, "database", "true", "events", "true", "commands", "true",
                "deadLetters", "3"), r.getData().orElseThrow());
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.Ping.class), cms.onlyCall().type());
        assertEquals(new Calls.Ping(RecordingCmsClient.NODE), cms.onlyCall().body());
    }

    @Test
    void notReadyWithoutTheDatabase() {
        HealthCheckResponse r = check(new Calls.PingReply(false, true, 0));
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals("false", r.getData().orElseThrow().get("database"));
    }

    @Test
    void notReadyBeforeTheCmsHasThisNodesEvents() {
        assertEquals(Status.DOWN, check(new Calls.PingReply(true, false, 0)).getStatus());
    }

    @Test
    void notReadyWhenCommandsCannotReachThisNode() {
        cms.probeAnswer = CompletableFuture.failedFuture(new TimeoutException("no answer"));
        HealthCheckResponse r = check(new Calls.PingReply(true, true, 0));
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals("false", r.getData().orElseThrow().get("commands"));
    }

    @Test
    void aFailedRoundTripIsDownWithoutShowingTheFailure() {
        cms.onCall = call -> call.fail(new CmsCallFailed("password authentication failed for user csms"));
        HealthCheckResponse r = readiness.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals(Map.of("error", "the CMS call failed"), r.getData().orElseThrow());
        assertFalse(r.getData().toString().contains("password"));
    }

    @Test
    void aCmsThatDoesNotAnswerIsSaidSo() {
        cms.onCall = call -> call.fail(new TimeoutException("no answer to Ping within 5 s"));
        HealthCheckResponse r = readiness.call();
        assertEquals(Status.DOWN, r.getStatus());
        assertEquals(Map.of("error", "no answer from the CMS"), r.getData().orElseThrow());
    }
}
