package org.opencsms.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import jakarta.ejb.EJB;

import org.opencsms.api.cms.ConsoleUsers;
import org.opencsms.gateway.platform.GatewaySettings;

/**
 * The users of the REST API and the console: the configured admin (role admin) and the console's users
 * (stored by the CMS, role admin or viewer). The admin user is ADMIN_USER [admin] and ADMIN_PASSWORD [admin] (read by
 * {@link GatewaySettings}), checked in constant time. While the default password is in use a WARNING says so
 * at start; a password set but blank is refused (no admin can log in) with a SEVERE line. Failed
 * logins are throttled per client address and user name: after {@value #FREE_FAILURES} in a row,
 * further attempts are refused without a check for 1 s, then 2, 4 ... up to 60 s.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {
    public static final String ADMIN_ROLE = ConsoleUsers.ADMIN;
    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());
    static final int FREE_FAILURES = 5;
    private static final long MAX_PENALTY_MS = 60_000;

    @Inject
    HttpServletRequest request;
    @EJB
    ConsoleUsers users;

    private record Failures(int count, long blockedUntil) {
    }

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    void started(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        String raw = GatewaySettings.adminPasswordAsGiven();
        if (raw != null && raw.isBlank()) {
            LOG.severe("ADMIN_PASSWORD is set but blank: no admin can log in until it is set to a real password");
        } else if (raw == null || "admin".equals(raw)) {
            LOG.warning("The admin user (REST API and console) has the default password 'admin': set ADMIN_PASSWORD "
                    + "(and ADMIN_USER) before this server is reachable by anyone else");
        }
    }

    /** Called by the identity store handler for username/password credentials (IdentityStore's convention). */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String key = address() + "|" + credential.getCaller();
        long now = System.currentTimeMillis();
        Failures f = failures.get(key);
        if (f != null && f.blockedUntil() > now) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        String raw = GatewaySettings.adminPasswordAsGiven();
        boolean blankConfigured = raw != null && raw.isBlank();
        boolean userOk = same(credential.getCaller(), GatewaySettings.adminUser());
        boolean passwordOk = same(credential.getPasswordAsString(), GatewaySettings.adminPassword());
        if (userOk && passwordOk && !blankConfigured) {
            failures.remove(key);
            return new CredentialValidationResult(credential.getCaller(), Set.of(ADMIN_ROLE));
        }
        if (!userOk) { // a user of the console (the configured admin's name is never looked up)
            java.util.Optional<String> role = users.verify(credential.getCaller(), credential.getPasswordAsString());
            if (role.isPresent()) {
                failures.remove(key);
                return new CredentialValidationResult(credential.getCaller(), Set.of(role.get()));
            }
        }
        if (failures.size() > 100_000) {
            failures.clear();
        }
        failures.compute(key, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            int over = count - FREE_FAILURES;
            long penalty = over <= 0 ? 0 : Math.min(MAX_PENALTY_MS, 1000L << Math.min(over - 1, 16));
            return new Failures(count, now + penalty);
        });
        return CredentialValidationResult.INVALID_RESULT;
    }

    private String address() {
        try {
            return request.getRemoteAddr();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
