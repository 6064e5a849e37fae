package org.opencsms.gateway.ocpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.opencsms.api.cms.ChargePointCredentials;
import org.opencsms.api.text.LogText;
import org.opencsms.gateway.platform.GatewayMetrics;
import org.opencsms.gateway.platform.GatewaySettings;


/**
 * Checks a charge point's WebSocket upgrade before the endpoint sees it: a usable identity (else 400 or
 * 404 with a clear log line) and, for registered charge points, OCPP security profile 1/2 credentials
 * (HTTP Basic, user = charge point id, password = AuthorizationKey; else 401) and transport (a
 * profile 2 charge point over plain ws: 403). No session is opened for a refused charge point. The check is a
 * direct call of the CMS's credential bean (a database read, PBKDF2 only for passwords this node has
 * not verified before), never a round trip over the broker: the request thread must not wait for
 * messages that the same server's threads deliver.
 */
@WebFilter(urlPatterns = "/ocpp/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());

    @EJB
    ChargePointCredentials credentials;
    @Inject
    GatewayMetrics metrics;
    @Inject
    HandshakeThrottle throttle;
    @Inject
    RelaxedHandshakes relaxedHandshakes;
    @Inject
    org.opencsms.gateway.session.SessionRegistry sessions;

    /** CSMS_MIN_SECURITY_PROFILE [0]: charge points registered below it (and unregistered ones, above 0) get 401. */
    static final int MIN_PROFILE = GatewaySettings.minSecurityProfile();
    /**
     * The profile-0 WARNING once per charge point and hour: a line per connection made the log (synchronous,
     * and on the console too) the bottleneck of a reconnect storm.
     */
    static final OncePer PROFILE_0_WARNINGS = new OncePer(3_600_000, 20_000);
    /** ... and at most 10 per second one by one, the rest summed up (see {@link LogBudget}). */
    public static final org.opencsms.gateway.platform.LogBudget PROFILE_0_LOG = new org.opencsms.gateway.platform.LogBudget(
            LOG, java.util.logging.Level.WARNING, "charge points with security profile 0 (no password: anyone who knows "
            + "their id can connect as them)", 10, 20);

    /** Whether something keyed by a charge point is due again; remembers a bounded number of keys. */
    static final class OncePer {
        private final long intervalMs;
        private final int maxKeys;
        private final java.util.concurrent.ConcurrentHashMap<String, Long> last = new java.util.concurrent.ConcurrentHashMap<>();

        OncePer(long intervalMs, int maxKeys) {
            this.intervalMs = intervalMs;
            this.maxKeys = maxKeys;
        }

        boolean due(String key, long now) {
            Long before = last.get(key);
            return before == null || now - before >= intervalMs;
        }

        void done(String key, long now) {
            if (last.size() >= maxKeys) {
                last.clear(); // rather warn again than remember without bound
            }
            last.put(key, now);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "OCPP-J needs a WebSocket upgrade");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        ChargePointPath.Identity identity = ChargePointPath.read(path);
        if (!identity.valid()) {
            LOG.warning(() -> "Refused charge point connection to " + ChargePointPath.forLog(path) + " from "
                    + request.getRemoteAddr() + ": " + identity.problem());
            metrics.handshake("refused");
            response.sendError(identity.id() == null ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_BAD_REQUEST, "Invalid charge point identity: " + identity.problem());
            return;
        }
        String id = identity.id();
        String address = request.getRemoteAddr();
        if (sessions.count() >= GatewaySettings.maxConnections()) {
            LOG.warning(() -> "Refused charge point " + id + ": this node holds its limit of "
                    + GatewaySettings.maxConnections() + " connections (CSMS_MAX_CONNECTIONS)");
            metrics.handshake("unavailable");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Try again later");
            return;
        }
        String password = basicPassword(request.getHeader("Authorization"), id);
        long now = System.currentTimeMillis();
        if (throttle.throttled(id, address, now)) {
            // after recent wrong passwords: refused at once, without spending a password check on it
            metrics.handshake("unauthorized");
            unauthorized(response);
            return;
        }
        ChargePointCredentials.Check check;
        try {
            check = credentials.check(id, password, request.isSecure(), MIN_PROFILE);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not check the credentials of " + id + ": " + LogText.quote(String.valueOf(e)));
            metrics.handshake("unavailable");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Try again later");
            return;
        }
        switch (check.decision()) {
            case ACCEPT -> {
                throttle.succeeded(id, address);
                relaxedHandshakes.accepted(id, check.validation());
                metrics.handshake("accepted");
                if (check.securityProfile() == 0 && PROFILE_0_WARNINGS.due(id, now)
                        && PROFILE_0_LOG.log(() -> "Charge point " + id + " from " + address + " connects with security profile 0: "
                                + "no password, anyone who knows its id can connect as it (register it with a password, "
                                + "and set CSMS_MIN_SECURITY_PROFILE to refuse profile 0)")) {
                    PROFILE_0_WARNINGS.done(id, now); // one not logged (over the budget) is due again next time
                }
                chain.doFilter(new NoSessionRequest(request), response);
            }
            case UNAUTHORIZED -> {
                throttle.failed(id, address, now);
                LOG.warning(() -> "Refused charge point " + id + " from " + address + ": " + (check.securityProfile() < MIN_PROFILE
                        ? "security profile " + check.securityProfile() + " is below CSMS_MIN_SECURITY_PROFILE " + MIN_PROFILE
                        : (password == null ? "no" : "wrong") + " HTTP Basic credentials"));
                metrics.handshake("unauthorized");
                unauthorized(response);
            }
            case INSECURE_TRANSPORT -> {
                LOG.warning(() -> "Refused charge point " + id + " from " + address
                        + ": registered for security profile 2 (TLS) but connected over plain ws");
                metrics.handshake("forbidden");
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Connect over wss");
            }
        }
    }

    private static void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"OCPP\", charset=\"UTF-8\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    /**
     * A charge point needs no HTTP session, but Liberty's WebSocket upgrade asks for one (getSession()),
     * which costs a secure random id under a lock and memory for the session's lifetime, per charge point:
     * here the upgrade finds none and creates none.
     */
    static final class NoSessionRequest extends HttpServletRequestWrapper {
        NoSessionRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public HttpSession getSession() {
            return getSession(false);
        }

        @Override
        public HttpSession getSession(boolean create) {
            return super.getSession(false);
        }
    }

    /** The password of an HTTP Basic header whose user is the charge point id; null otherwise. */
    static String basicPassword(String header, String id) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            // the id itself may contain ':' (identifierString allows it), so match the whole prefix
            String prefix = id + ":";
            return decoded.startsWith(prefix) ? decoded.substring(prefix.length()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
