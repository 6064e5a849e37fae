package org.opencsms.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.opencsms.api.config.Setting;

/**
 * The admin user of the REST API and console: ADMIN_USER [admin] and ADMIN_PASSWORD [admin] from
 * the environment, checked in constant time.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "csms")
public class AdminIdentityStore implements IdentityStore {
    public static final String ADMIN_ROLE = "admin";

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        boolean userOk = same(credential.getCaller(), Setting.value("ADMIN_USER", "admin"));
        boolean passwordOk = same(credential.getPasswordAsString(), Setting.value("ADMIN_PASSWORD", "admin"));
        return userOk && passwordOk
                ? new CredentialValidationResult(credential.getCaller(), Set.of(ADMIN_ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
