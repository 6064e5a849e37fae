package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.Reply;

class HealthIT {
    @Test
    void readyOnceConsumersAndDatabaseAreUp() {
        Reply r = Server.send(HttpRequest.newBuilder(URI.create(Server.httpBase() + "/health/ready")));
        assertEquals(200, r.status(), r.body());
        assertEquals("UP", r.object().getString("status"));
    }

    /**
     * The test server sets no node id: the default is the host name and the HTTP port, the value
     * that names this node's command selector and reply queue (CommandIT proves commands arrive).
     */
    @Test
    void theDefaultNodeIdIsTheHostNameAndThePort() {
        String node = Server.API.nodeId();
        assertTrue(node.endsWith("-" + Server.HTTP_PORT), node);
        assertTrue(node.length() > ("-" + Server.HTTP_PORT).length(), node);
    }
}
