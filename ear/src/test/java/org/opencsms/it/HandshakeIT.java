package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;

/** Identity, subprotocol and security profile 1/2 checks on the WebSocket upgrade. */
class HandshakeIT {

    @Test
    void subprotocolIsChosenInTheChargersOrderOfPreference() {
        String id = Server.uniqueId("PROTO");
        try (ChargePointClient c = ChargePointClient.open(id, List.of("ocpp2.1", "ocpp1.6", "ocpp1.5"), null, false)) {
            assertEquals("ocpp1.6", c.subprotocol());
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"));
        }
    }

    @Test
    void noAcceptableSubprotocolClosesAtOnce() {
        String id = Server.uniqueId("NOPROTO");
        ChargePointClient c = ChargePointClient.open(id, List.of("ocpp1.5"), null, false);
        assertEquals("", c.subprotocol());
        assertEquals(1002, c.awaitClose(Duration.ofSeconds(10)));
    }

    @Test
    void percentEncodedIdIsDecoded() {
        String id = Server.uniqueId("PCT") + "*x";
        Server.register("{\"id\":\"" + id + "\"}");
        String encoded = id.replace("-", "%2D").replace("*", "%2A");
        try (ChargePointClient c = ChargePointClient.open(encoded, List.of("ocpp1.6"), null, false)) {
            c.ok("StatusNotification", """
                    {"connectorId":1,"errorCode":"NoError","status":"Available"}""");
            Server.awaitObject("/api/charge-points/" + id.replace("*", "%2A"),
                    o -> o.getBoolean("connected") && o.getJsonArray("connectors").size() == 1);
        }
    }

    @Test
    void invalidOrDoubledIdIsRefusedWithALogLine() throws IOException {
        assertEquals(400, ChargePointClient.refusal("bad%20id", null, false));
        assertEquals(400, ChargePointClient.refusal("x".repeat(49), null, false));
        assertEquals(404, ChargePointClient.refusal("CP-D/CP-D", null, false));
        String log = Files.readString(Path.of(System.getProperty("csms.log")));
        assertTrue(log.contains("Refused charge point connection to '/ocpp/bad%20id'"), "log line for the bad id");
        assertTrue(log.contains("a doubled id?"), "log line for the doubled id");
    }

    @Test
    void profileOneChargerWithPasswordNeedsHttpBasic() {
        String id = Server.uniqueId("SP1");
        Server.register("{\"id\":\"" + id + "\",\"password\":\"0123456789abcdef\",\"securityProfile\":1}");
        assertEquals(401, ChargePointClient.refusal(id, null, false));
        assertEquals(401, ChargePointClient.refusal(id, "wrong-password-00", false));
        try (ChargePointClient c = ChargePointClient.connect(id, "0123456789abcdef")) {
            assertEquals("Accepted", c.ok("BootNotification", """
                    {"chargePointVendor":"V","chargePointModel":"M"}""").getString("status"));
        }
    }

    @Test
    void profileTwoChargerOnlyOverTls() {
        String id = Server.uniqueId("SP2");
        Server.register("{\"id\":\"" + id + "\",\"password\":\"fedcba9876543210\",\"securityProfile\":2}");
        assertEquals(403, ChargePointClient.refusal(id, "fedcba9876543210", false));
        assertEquals(401, ChargePointClient.refusal(id, "wrong", true));
        try (ChargePointClient c = ChargePointClient.open(id, List.of("ocpp1.6"), "fedcba9876543210", true)) {
            assertEquals("Accepted", c.ok("BootNotification", """
                    {"chargePointVendor":"V","chargePointModel":"M"}""").getString("status"));
        }
    }

    @Test
    void passwordIsStoredHashed() {
        String id = Server.uniqueId("HASH");
        Server.register("{\"id\":\"" + id + "\",\"password\":\"plain-text-secret-1\"}");
        String body = Server.get("/api/charge-points/" + id).body();
        assertTrue(!body.contains("plain-text-secret-1"), body);
    }
}
