package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

class HealthIT {
    @Test
    void readyOnceConsumersAndDatabaseAreUp() {
        Server.Reply r = Server.send(HttpRequest.newBuilder(URI.create(Server.httpBase() + "/health/ready")));
        assertEquals(200, r.status(), r.body());
        assertEquals("UP", r.object().getString("status"));
    }
}
