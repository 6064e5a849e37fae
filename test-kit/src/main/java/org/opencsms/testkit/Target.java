package org.opencsms.testkit;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A running system seen from outside: its HTTP base URL (REST API, health), the WebSocket bases
 * chargers connect to, and the admin's credentials.
 *
 * @param httpBase  {@code http://host:port}, no trailing slash
 * @param wsBase    {@code ws://host:port/ocpp/}
 * @param wssBase   {@code wss://host:httpsPort/ocpp/}, or null when unknown
 * @param adminAuth the HTTP Authorization header value of the admin
 */
public record Target(String httpBase, String wsBase, String wssBase, String adminAuth) {

    /** The system at an HTTP URL such as {@code http://localhost:9080}, with admin/admin. */
    public static Target of(String httpUrl) {
        return of(httpUrl, "admin", "admin");
    }

    public static Target of(String httpUrl, String adminUser, String adminPassword) {
        URI uri = URI.create(httpUrl.endsWith("/") ? httpUrl.substring(0, httpUrl.length() - 1) : httpUrl);
        String authority = uri.getRawAuthority();
        String ws = ("https".equals(uri.getScheme()) ? "wss://" : "ws://") + authority + "/ocpp/";
        return new Target(uri.toString(), ws, null, basic(adminUser, adminPassword));
    }

    /** The server of this test run: host {@code csms.host}, ports {@code csms.http.port}, {@code csms.https.port}. */
    public static Target fromSystemProperties() {
        String host = System.getProperty("csms.host", "127.0.0.1");
        int http = Integer.getInteger("csms.http.port", 9080);
        int https = Integer.getInteger("csms.https.port", 9443);
        return local(host, http, https);
    }

    public static Target local(String host, int httpPort, int httpsPort) {
        return new Target("http://" + host + ":" + httpPort, "ws://" + host + ":" + httpPort + "/ocpp/",
                "wss://" + host + ":" + httpsPort + "/ocpp/", basic("admin", "admin"));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
