package org.opencsms.gateway.ocpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opencsms.api.messaging.Calls.Authenticate;
import org.opencsms.api.messaging.Calls.AuthenticateReply;
import org.opencsms.api.messaging.Contract;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.platform.GatewaySettings;

/**
 * Checks a charger's WebSocket upgrade before the endpoint sees it: a usable identity (else 400 or
 * 404 with a clear log line) and, for registered chargers, OCPP security profile 1/2 credentials
 * (HTTP Basic, user = charge point id, password = AuthorizationKey; else 401) and transport (a
 * profile 2 charger over plain ws: 403). No session is opened for a refused charger.
 */
@WebFilter(urlPatterns = "/ocpp/*", asyncSupported = true)
public class HandshakeFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(HandshakeFilter.class.getName());

    @Inject
    CmsClient cms;

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
            LOG.warning(() -> "Refused charger connection to " + ChargePointPath.forLog(path) + " from "
                    + request.getRemoteAddr() + ": " + identity.problem());
            response.sendError(identity.id() == null ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_BAD_REQUEST, "Invalid charge point identity: " + identity.problem());
            return;
        }
        String id = identity.id();
        String password = basicPassword(request.getHeader("Authorization"), id);
        AuthenticateReply reply;
        try {
            reply = cms.call(Contract.AUTHENTICATE, id, new Authenticate(id, password, request.isSecure()))
                    .get(GatewaySettings.cmsTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning(() -> "Could not check the credentials of " + id + ": " + e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Try again later");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        switch (reply.decision()) {
            case ACCEPT -> chain.doFilter(request, response);
            case UNAUTHORIZED -> {
                LOG.warning(() -> "Refused charger " + id + " from " + request.getRemoteAddr() + ": "
                        + (password == null ? "no" : "wrong") + " HTTP Basic credentials");
                response.setHeader("WWW-Authenticate", "Basic realm=\"OCPP\", charset=\"UTF-8\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }
            case INSECURE_TRANSPORT -> {
                LOG.warning(() -> "Refused charger " + id + " from " + request.getRemoteAddr()
                        + ": registered for security profile 2 (TLS) but connected over plain ws");
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Connect over wss");
            }
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
