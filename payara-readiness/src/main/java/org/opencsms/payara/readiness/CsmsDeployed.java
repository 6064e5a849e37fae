package org.opencsms.payara.readiness;

import java.util.logging.Level;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP while the csms application is deployed: its enterprise beans are bound in the global JNDI
 * namespace of its module ({@value #MODULE_NAMESPACE}) only while it is. The gateway reports the same
 * check on Open Liberty, so that readiness has the same shape on both servers.
 */
@Readiness
@ApplicationScoped
public class CsmsDeployed implements HealthCheck {
    /** The module name of the csms WAR (gateway-war's web.xml). */
    static final String MODULE_NAMESPACE = "java:global/gateway";
    private static final Logger LOG = Logger.getLogger(CsmsDeployed.class.getName());

    @Override
    public HealthCheckResponse call() {
        boolean deployed;
        try {
            NamingEnumeration<?> names = new InitialContext().list(MODULE_NAMESPACE);
            deployed = names.hasMore();
            names.close();
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.FINE, "csms is not deployed", e);
            deployed = false;
        }
        return HealthCheckResponse.named("csms-deployed").status(deployed).withData("application", "csms").build();
    }
}
