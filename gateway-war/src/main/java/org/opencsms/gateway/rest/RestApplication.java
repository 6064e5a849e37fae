package org.opencsms.gateway.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin REST API under /api; every resource needs the admin role (web.xml). */
@ApplicationPath("/api")
public class RestApplication extends Application {
}
