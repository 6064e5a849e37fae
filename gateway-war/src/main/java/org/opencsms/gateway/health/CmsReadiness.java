package org.opencsms.gateway.health;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 * database -> this node's reply queue -> reply listener), the CMS has stored this node's start
 * announcement, which travels on the event topic, and a probe routed to this node's id over the
 * command topic reaches its command listener: the JMS consumers on both sides, the event listener,
 * the database and the routing of commands to this node are up.
 */
@Readiness
@ApplicationScoped
public class CmsReadiness implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(CmsReadiness.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Inject
    CmsClient cms;

    /** Whether a message routed to this node's id over the command topic reaches its command listener. */
    private boolean commandRoute() throws InterruptedException {
        try {
            cms.probeCommandRoute(TIMEOUT).get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning(() -> "Readiness: this node's command subscription did not receive a probe routed to node "
                    + cms.nodeId() + " within " + TIMEOUT.toSeconds() + " s");
            return false;
        }
    }

    @Override
    public HealthCheckResponse call() {
        String name = "cms-round-trip";
        try {
            PingReply reply = cms.call("", new Ping(cms.nodeId()), TIMEOUT)
                    .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            boolean commands = commandRoute();
            // data as strings: MicroProfile Health on Payara renders every value as a string, and
            // both servers must give the same answer
            return HealthCheckResponse.named(name).status(reply.databaseUp() && reply.eventsFromNode() && commands)
                    .withData("node", cms.nodeId())
                    .withData("database", String.valueOf(reply.databaseUp()))
                    .withData("events", String.valueOf(reply.eventsFromNode()))
                    .withData("commands", String.valueOf(commands))
                    .withData("deadLetters", String.valueOf(reply.deadLetters())).build();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                // the CMS client gave up waiting (its timeout comes before this one)
                return HealthCheckResponse.named(name).down().withData("error", "no answer from the CMS").build();
            }
            // the cause stays in the log: readiness is public and must not show exception texts
            LOG.log(Level.WARNING, "Readiness: the CMS round trip failed", e.getCause());
            return HealthCheckResponse.named(name).down().withData("error", "the CMS call failed").build();
        } catch (TimeoutException e) {
            return HealthCheckResponse.named(name).down().withData("error", "no answer from the CMS").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named(name).down().build();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Readiness: the CMS round trip failed", e);
            return HealthCheckResponse.named(name).down().withData("error", "the CMS call failed").build();
        }
    }
}
