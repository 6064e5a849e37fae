package org.opencsms.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The application is deployed (it answers, so it is). Payara Micro reports this check from a
 * separate readiness WAR (payara-readiness), which is DOWN when csms failed to deploy; Open Liberty
 * reports a failed application as DOWN itself. Both servers show the same two checks.
 */
@Readiness
@ApplicationScoped
public class DeployedCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("csms-deployed").up().withData("application", "csms").build();
    }
}
