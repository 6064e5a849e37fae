package org.opencsms.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.it.Server;
import org.opencsms.testkit.Reply;

/** Two nodes, one broker, one database: chargers on either node take commands sent through either. */
class TwoNodeIT {

    @BeforeAll
    static void bothNodesReady() {
        Node.A.awaitReady(java.time.Duration.ofSeconds(120));
        Node.B.awaitReady(java.time.Duration.ofSeconds(120));
    }

    static String register(String prefix) {
        String id = Server.uniqueId(prefix);
        assertEquals(201, Node.A.post("/api/charge-points", "{\"id\":\"" + id + "\"}").status());
        return id;
    }

    /** Sends a command through one node and answers it on the charger; returns the REST reply. */
    static Reply command(Node through, ChargePointClient charger, String id, String action, String payload,
                                String answer) throws Exception {
        CompletableFuture<Reply> reply = CompletableFuture.supplyAsync(
                () -> through.post("/api/charge-points/" + id + "/commands/" + action, payload));
        JsonArray call = charger.next();
        assertEquals(action, call.getString(2));
        charger.send("[3,\"" + call.getString(1) + "\"," + answer + "]");
        return reply.get(60, TimeUnit.SECONDS);
    }

    /** Two servers on one host, neither given a node id: the defaults differ (host name and port). */
    @Test
    void twoNodesOnOneHostHaveDistinctDefaultIds() {
        String a = Node.A.nodeId();
        String b = Node.B.nodeId();
        org.junit.jupiter.api.Assertions.assertNotEquals(a, b);
        org.junit.jupiter.api.Assertions.assertTrue(a.endsWith("-" + Node.A.httpPort()), a);
        org.junit.jupiter.api.Assertions.assertTrue(b.endsWith("-" + Node.B.httpPort()), b);
    }

    @Test
    void chargersOnEitherNodeTakeCommandsSentThroughTheOther() throws Exception {
        String onA = register("ON-A");
        String onB = register("ON-B");
        try (ChargePointClient a = Node.A.connect(onA); ChargePointClient b = Node.B.connect(onB)) {
            for (Node node : new Node[] {Node.A, Node.B}) {
                node.await("/api/charge-points/" + onA, o -> o.getBoolean("connected"));
                node.await("/api/charge-points/" + onB, o -> o.getBoolean("connected"));
            }
            for (int i = 0; i < 5; i++) {
                Reply viaB = command(Node.B, a, onA, "GetLocalListVersion", "{}", "{\"listVersion\":" + i + "}");
                assertEquals(200, viaB.status(), viaB.body());
                assertEquals(i, viaB.object().getInt("listVersion"));
                Reply viaA = command(Node.A, b, onB, "ClearCache", "{}", "{\"status\":\"Accepted\"}");
                assertEquals(200, viaA.status(), viaA.body());
            }
            JsonObject recorded = Node.A.get("/api/charge-points/" + onB + "/commands?limit=1").array().getJsonObject(0);
            assertEquals(Node.B.nodeId(), recorded.getString("node"), "routed to the node holding the socket");
            assertEquals("RESULT", recorded.getString("outcome"));
        }
        Node.B.await("/api/charge-points/" + onA, o -> !o.getBoolean("connected"));
    }

    @Test
    void eventsFromBothNodesAreStoredExactlyOnce() {
        String onA = register("EV-A");
        String onB = register("EV-B");
        int txA;
        int txB;
        try (ChargePointClient a = Node.A.connect(onA); ChargePointClient b = Node.B.connect(onB)) {
            txA = start(a);
            txB = start(b);
            for (int m = 0; m < 20; m++) {
                meter(a, txA, m);
                meter(b, txB, m);
            }
        }
        for (int tx : new int[] {txA, txB}) {
            JsonObject t = Node.B.await("/api/transactions/" + tx, o -> o.getJsonArray("meterValues").size() >= 20);
            Node.sleep(1000);
            assertEquals(20, Node.A.get("/api/transactions/" + tx).object().getJsonArray("meterValues").size(), t.toString());
        }
    }

    @Test
    void transactionStartedOnOneNodeIsStoppedOnTheOther() {
        String id = register("MOVE");
        int tx;
        try (ChargePointClient a = Node.A.connect(id)) {
            tx = start(a);
            meter(a, tx, 1);
        }
        try (ChargePointClient b = Node.B.connect(id)) {
            b.ok("StopTransaction", "{\"transactionId\":" + tx + ",\"meterStop\":5000,\"timestamp\":\"2026-06-01T11:00:00Z\"}");
        }
        JsonObject t = Node.A.await("/api/transactions/" + tx, o -> !o.isNull("meterStop"));
        assertEquals(5000, t.getInt("energyWh"));
    }

    static int start(ChargePointClient c) {
        return c.ok("StartTransaction", "{\"connectorId\":1,\"idTag\":\"ANY\",\"meterStart\":0,"
                + "\"timestamp\":\"2026-06-01T10:00:00Z\"}").getInt("transactionId");
    }

    static void meter(ChargePointClient c, int tx, int m) {
        c.ok("MeterValues", "{\"connectorId\":1,\"transactionId\":" + tx + ",\"meterValue\":[{\"timestamp\":"
                + "\"2026-06-01T10:" + String.format("%02d", m % 60) + ":00Z\",\"sampledValue\":[{\"value\":\"" + m * 100
                + "\"}]}]}");
    }
}
