package org.opencsms.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * One authentication mechanism for both admin surfaces (Jakarta Security 3 allows one per application):
 * <ul>
 * <li>the REST API under {@code /api}: HTTP Basic on every request, no session; unauthenticated: 401 with
 * a Basic challenge;</li>
 * <li>the console: a login form ({@code /login.xhtml}) whose bean calls {@code SecurityContext.authenticate}
 * with the credential; the caller and roles are then kept in the HTTP session (a new session id at login,
 * against session fixation) until logout or the session timeout; unauthenticated: a redirect to the
 * login page.</li>
 * </ul>
 * The users are those of {@link AdminIdentityStore}: the configured admin and the console's users.
 */
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {
    static final String CALLER = "csms.caller";
    static final String ROLES = "csms.roles";
    public static final String LOGIN_PAGE = "/login.xhtml";

    @Inject
    IdentityStoreHandler identityStores;

    private record Caller(String name, Set<String> roles) implements java.io.Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential given = context.getAuthParameters().getCredential();
        if (given != null) { // the login form
            CredentialValidationResult result = identityStores.validate(given);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return context.responseUnauthorized();
            }
            HttpSession old = request.getSession(false);
            if (old != null) {
                request.changeSessionId();
            }
            request.getSession(true).setAttribute(CALLER,
                    new Caller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CALLER) instanceof Caller caller) {
            // also on unprotected pages (login, error pages): the server refuses a session to a request
            // that is not its owner's
            return context.notifyContainerAboutLogin(caller.name(), caller.roles());
        }
        if (!context.isProtected()) {
            // the OCPP endpoint, the login page, static resources: no check here. A charge point's own
            // Basic credentials on its upgrade are the handshake's business, never an admin login attempt
            // (and must not cost a password hash here)
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = basic(header.substring(6).trim());
            if (basic != null) {
                CredentialValidationResult result = identityStores.validate(basic);
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
            return challenge(response, context);
        }
        if (isApi(request)) {
            return challenge(response, context);
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // an AJAX request of an expired session: Faces' partial response redirects the page itself
            try {
                response.setContentType("text/xml");
                response.setCharacterEncoding("UTF-8");
                response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                        + request.getContextPath() + LOGIN_PAGE + "\"/></partial-response>");
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (java.io.IOException e) {
                return context.responseUnauthorized();
            }
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }

    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"csms\"");
        return context.responseUnauthorized();
    }

    private static UsernamePasswordCredential basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon),
                    decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
