package org.opencsms.gateway.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.opencsms.api.messaging.Calls.Ping;
import org.opencsms.api.messaging.Calls.PingReply;
import org.opencsms.api.messaging.Contract;
import org.opencsms.gateway.cms.CmsClient;

/**
 * Ready when a call makes the whole round trip (gateway -> request queue -> CMS listener ->
 * database -> this node's reply queue -> reply listener) and the CMS has stored this node's start
 * announcement, which travels on the event topic: the JMS consumers on both sides, the event
 * listener and the database are up.
 */
@Readiness
@ApplicationScoped
public class CmsReadiness implements HealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    CmsClient cms;

    @Override
    public HealthCheckResponse call() {
        String name = "cms-round-trip";
        try {
            PingReply reply = cms.call(Contract.PING, "", new Ping(cms.nodeId()), TIMEOUT)
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(name).status(reply.databaseUp() && reply.eventsFromNode())
                    .withData("node", cms.nodeId())
                    .withData("database", reply.databaseUp())
                    .withData("events", reply.eventsFromNode()).build();
        } catch (ExecutionException e) {
            return HealthCheckResponse.named(name).down().withData("error", String.valueOf(e.getCause())).build();
        } catch (TimeoutException e) {
            return HealthCheckResponse.named(name).down().withData("error", "no answer").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(name).down().build();
        }
    }
}
