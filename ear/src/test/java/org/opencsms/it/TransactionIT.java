package org.opencsms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.opencsms.testkit.ChargePointClient;

/** Charging sessions through real WebSocket chargers, checked exactly through the REST API. */
class TransactionIT {

    private static String charger() {
        String id = Server.uniqueId("TX");
        Server.register("{\"id\":\"" + id + "\"}");
        return id;
    }

    private static JsonObject transaction(int id, int expectedMeterValues) {
        return Server.awaitObject("/api/transactions/" + id,
                t -> t.getJsonArray("meterValues").size() >= expectedMeterValues);
    }

    @Test
    void fullSessionIsRecordedExactlyOnce() throws Exception {
        String id = charger();
        String tag = Server.uniqueId("TAG");
        Sessions.tag(tag, "");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("Accepted", c.ok("Authorize", "{\"idTag\":\"" + tag + "\"}")
                    .getJsonObject("idTagInfo").getString("status"));
            JsonObject started = Sessions.start(c, 1, tag, 1000, "2026-03-01T10:00:00Z");
            assertEquals("Accepted", started.getJsonObject("idTagInfo").getString("status"));
            int tx = started.getInt("transactionId");

            Sessions.meter(c, 1, tx, "2026-03-01T10:15:00Z", 3500, 16.0);
            Sessions.meter(c, 1, tx, "2026-03-01T10:30:00Z", 6000, 15.5);
            JsonObject stopped = Sessions.stop(c, tx, 8000, "2026-03-01T10:45:00Z", """
                    [{"timestamp":"2026-03-01T10:45:00Z","sampledValue":[
                      {"value":"8000","context":"Transaction.End","measurand":"Energy.Active.Import.Register","unit":"Wh"}]}]""");
            assertEquals("Invalid", stopped.getJsonObject("idTagInfo").getString("status"), "STOPPER is unknown");
        }

        JsonObject t = transaction(tx(id), 5);
        assertEquals(id, t.getString("chargePointId"));
        assertEquals(1, t.getInt("connectorId"));
        assertEquals(tag, t.getString("idTag"));
        assertEquals(1000, t.getInt("meterStart"));
        assertEquals(8000, t.getInt("meterStop"));
        assertEquals(7000, t.getInt("energyWh"));
        assertEquals("2026-03-01T10:00:00Z", t.getString("startTimestamp"));
        assertEquals("2026-03-01T10:45:00Z", t.getString("stopTimestamp"));
        assertEquals("EVDisconnected", t.getString("stopReason"));
        JsonArray values = t.getJsonArray("meterValues");
        assertEquals(List.of(
                        "2026-03-01T10:15:00Z Energy.Active.Import.Register 3500 Wh null Sample.Periodic",
                        "2026-03-01T10:15:00Z Current.Import 16.0 A L1 Sample.Periodic",
                        "2026-03-01T10:30:00Z Energy.Active.Import.Register 6000 Wh null Sample.Periodic",
                        "2026-03-01T10:30:00Z Current.Import 15.5 A L1 Sample.Periodic",
                        "2026-03-01T10:45:00Z Energy.Active.Import.Register 8000 Wh null Transaction.End"),
                sorted(values));
        assertEquals("Outlet", values.getJsonObject(0).getString("location"));
        assertEquals("Raw", values.getJsonObject(0).getString("format"));

        JsonArray list = Server.get("/api/transactions?chargePointId=" + id).array();
        assertEquals(1, list.size());
        assertEquals(7000, list.getJsonObject(0).getInt("energyWh"));
        assertFalse(list.getJsonObject(0).containsKey("meterValues"));
    }

    /** The transaction id of the charger's only transaction. */
    private static int tx(String chargePointId) {
        JsonArray list = Server.get("/api/transactions?chargePointId=" + chargePointId).array();
        assertEquals(1, list.size(), list.toString());
        return list.getJsonObject(0).getInt("id");
    }

    /** Meter values as comparable lines, in time order then as listed for equal times. */
    private static List<String> sorted(JsonArray values) {
        List<String> lines = new ArrayList<>();
        for (JsonValue v : values) {
            JsonObject m = v.asJsonObject();
            lines.add(m.getString("timestamp") + " " + m.getString("measurand") + " " + m.getString("value") + " "
                    + m.getString("unit") + " " + (m.isNull("phase") ? "null" : m.getString("phase")) + " "
                    + m.getString("context"));
        }
        lines.sort((a, b) -> {
            int byTime = a.substring(0, 20).compareTo(b.substring(0, 20));
            if (byTime != 0) {
                return byTime;
            }
            // energy before current for the same time, as the expectation lists them
            return Boolean.compare(!a.contains("Energy"), !b.contains("Energy"));
        });
        return lines;
    }

    @Test
    void repeatedStartTransactionGetsTheSameIdAndOpensNothingNew() {
        String id = charger();
        String tag = Server.uniqueId("TAG");
        Sessions.tag(tag, ",\"allowConcurrentTx\":false");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            int first = Sessions.startedId(c, 1, tag, 500, "2026-03-02T08:00:00Z");
            JsonObject again = Sessions.start(c, 1, tag, 500, "2026-03-02T08:00:00Z");
            assertEquals(first, again.getInt("transactionId"));
            assertEquals("Accepted", again.getJsonObject("idTagInfo").getString("status"),
                    "the repeat is answered as the original, not as a concurrent transaction");
            assertEquals(1, Server.get("/api/transactions?chargePointId=" + id).array().size());
        }
    }

    @Test
    void stopTransactionForUnknownOrStoppedIdIsAnswered() {
        String id = charger();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertTrue(Sessions.stop(c, 2_000_000_000, 10, "2026-03-03T08:00:00Z", null).containsKey("idTagInfo"));
            assertTrue(Sessions.stop(c, -1, 10, "2026-03-03T08:00:00Z", null).containsKey("idTagInfo"));
            int tx = Sessions.startedId(c, 1, "ANY-TAG", 0, "2026-03-03T09:00:00Z");
            Sessions.stop(c, tx, 100, "2026-03-03T09:30:00Z", null);
            Sessions.stop(c, tx, 100, "2026-03-03T09:30:00Z", null);
            Sessions.stop(c, tx, 999, "2026-03-03T09:40:00Z", null);
            JsonObject t = Server.get("/api/transactions/" + tx).object();
            assertEquals(100, t.getInt("meterStop"), "the first stop wins");
            assertEquals("2026-03-03T09:30:00Z", t.getString("stopTimestamp"));
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"), "session lives on");
        }
        assertEquals(404, Server.get("/api/transactions/2000000000").status());
        assertEquals(404, Server.get("/api/transactions/abc").status());
    }

    @Test
    void offlineReplayWithOldTimestampsIsAcceptedAndBilledOnThePayloadTimes() {
        String id = charger();
        String tag = Server.uniqueId("TAG");
        Sessions.tag(tag, "");
        Instant before = Instant.now();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            // a charger that was offline for days replays its session in order
            int tx = Sessions.startedId(c, 2, tag, 100, "2026-01-10T22:00:00Z");
            Sessions.meter(c, 2, tx, "2026-01-10T22:30:00Z", 4100, 10.0);
            Sessions.stop(c, tx, 9100, "2026-01-10T23:00:00Z", null);
            JsonObject t = transaction(tx, 2);
            assertEquals("2026-01-10T22:00:00Z", t.getString("startTimestamp"));
            assertEquals("2026-01-10T23:00:00Z", t.getString("stopTimestamp"));
            assertEquals(9000, t.getInt("energyWh"));
            assertFalse(Instant.parse(t.getString("startReceivedAt")).isBefore(before.minusSeconds(1)),
                    "the receive time is stored too");
            assertFalse(Instant.parse(t.getString("stopReceivedAt")).isBefore(before.minusSeconds(1)));
        }
    }

    @Test
    void tagStatesAreAnsweredAsStored() {
        String id = charger();
        String ok = Server.uniqueId("OK");
        String blocked = Server.uniqueId("BL");
        String expired = Server.uniqueId("EX");
        String child = Server.uniqueId("CH");
        String single = Server.uniqueId("SI");
        Sessions.tag(ok, "");
        Sessions.tag(blocked, ",\"status\":\"Blocked\"");
        Sessions.tag(expired, ",\"expiryDate\":\"2020-01-01T00:00:00Z\"");
        Sessions.tag(child, ",\"parentIdTag\":\"FLEET-7\",\"expiryDate\":\"2099-01-01T00:00:00Z\"");
        Sessions.tag(single, "");
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("Accepted", authorize(c, ok).getString("status"));
            assertEquals("Blocked", authorize(c, blocked).getString("status"));
            assertEquals("Expired", authorize(c, expired).getString("status"));
            assertEquals("Invalid", authorize(c, "NOBODY-" + ok).getString("status"));
            JsonObject childInfo = authorize(c, child);
            assertEquals("Accepted", childInfo.getString("status"));
            assertEquals("FLEET-7", childInfo.getString("parentIdTag"));
            assertEquals("2099-01-01T00:00:00Z", childInfo.getString("expiryDate"));

            JsonObject unknownStart = Sessions.start(c, 1, "NOBODY-" + ok, 0, "2026-03-04T08:00:00Z");
            assertEquals("Invalid", unknownStart.getJsonObject("idTagInfo").getString("status"));
            assertTrue(unknownStart.getInt("transactionId") > 0, "an unknown tag still gets a transactionId");
            assertEquals("Blocked", Sessions.start(c, 2, blocked, 0, "2026-03-04T08:00:00Z")
                    .getJsonObject("idTagInfo").getString("status"));

            int first = Sessions.startedId(c, 3, single, 0, "2026-03-04T09:00:00Z");
            JsonObject second = Sessions.start(c, 4, single, 0, "2026-03-04T09:01:00Z");
            assertEquals("ConcurrentTx", second.getJsonObject("idTagInfo").getString("status"));
            assertNotEquals(first, second.getInt("transactionId"));
            assertEquals("Accepted", authorize(c, single).getString("status"), "Authorize does not check concurrency");
        }
    }

    private static JsonObject authorize(ChargePointClient c, String tag) {
        return c.ok("Authorize", "{\"idTag\":\"" + tag + "\"}").getJsonObject("idTagInfo");
    }

    @Test
    void concurrentSessionsOnSeveralConnectorsAndChargers() throws Exception {
        int chargers = 4;
        int connectors = 2;
        String tag = Server.uniqueId("FLEET");
        Sessions.tag(tag, ",\"allowConcurrentTx\":true");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chargers; i++) {
            ids.add(charger());
        }
        ExecutorService pool = Executors.newFixedThreadPool(chargers * connectors);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            List<ChargePointClient> sockets = new ArrayList<>();
            for (String id : ids) {
                ChargePointClient c = ChargePointClient.connect(id);
                sockets.add(c);
                for (int k = 1; k <= connectors; k++) {
                    int connector = k;
                    runs.add(pool.submit(() -> {
                        // one CALL at a time per charger, as OCPP-J requires: the two connectors interleave
                        int tx;
                        synchronized (c) {
                            tx = Sessions.startedId(c, connector, tag, connector * 1000, "2026-03-05T10:00:0" + connector + "Z");
                        }
                        for (int m = 1; m <= 3; m++) {
                            synchronized (c) {
                                Sessions.meter(c, connector, tx, "2026-03-05T10:0" + m + ":0" + connector + "Z",
                                        connector * 1000 + m * 100, m);
                            }
                        }
                        synchronized (c) {
                            Sessions.stop(c, tx, connector * 1000 + 500, "2026-03-05T10:05:0" + connector + "Z", null);
                        }
                        return tx;
                    }));
                }
            }
            Set<Integer> txIds = new HashSet<>();
            for (Future<Integer> run : runs) {
                txIds.add(run.get(60, TimeUnit.SECONDS));
            }
            sockets.forEach(ChargePointClient::close);
            assertEquals(chargers * connectors, txIds.size(), "every session got its own transaction");
            for (int tx : txIds) {
                JsonObject t = transaction(tx, 6);
                assertEquals(500, t.getInt("energyWh"));
                assertEquals(6, t.getJsonArray("meterValues").size(), t.toString());
            }
            for (String id : ids) {
                assertEquals(connectors, Server.get("/api/transactions?chargePointId=" + id + "&active=false").array().size());
                assertEquals(0, Server.get("/api/transactions?chargePointId=" + id + "&active=true").array().size());
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void listIsNewestFirstAndPaginated() {
        String id = charger();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            for (int i = 1; i <= 5; i++) {
                Sessions.startedId(c, 1, "PAGE-" + i, i, "2026-04-0" + i + "T12:00:00Z");
            }
        }
        JsonArray page1 = Server.get("/api/transactions?chargePointId=" + id + "&limit=2").array();
        JsonArray page2 = Server.get("/api/transactions?chargePointId=" + id + "&limit=2&offset=2").array();
        assertEquals(List.of("PAGE-5", "PAGE-4"), tags(page1));
        assertEquals(List.of("PAGE-3", "PAGE-2"), tags(page2));
        assertEquals(5, Server.get("/api/transactions?chargePointId=" + id + "&active=true").array().size());
        assertEquals(400, Server.get("/api/transactions?limit=0").status());
        assertEquals(400, Server.get("/api/transactions?active=maybe").status());
        assertEquals(400, Server.get("/api/transactions?offset=-1").status());
    }

    private static List<String> tags(JsonArray list) {
        return list.stream().map(v -> v.asJsonObject().getString("idTag")).toList();
    }

    @Test
    void dataTransferAndStatusNotificationsAreAnsweredAndStored() {
        String id = charger();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("UnknownVendorId", c.ok("DataTransfer", "{\"vendorId\":\"com.example\",\"data\":\"x\"}")
                    .getString("status"));
            JsonObject echo = c.ok("DataTransfer", "{\"vendorId\":\"org.opencsms\",\"messageId\":\"Echo\",\"data\":\"hi\"}");
            assertEquals("Accepted", echo.getString("status"));
            assertEquals("hi", echo.getString("data"));
            assertEquals("UnknownMessageId", c.ok("DataTransfer",
                    "{\"vendorId\":\"org.opencsms\",\"messageId\":\"Nope\"}").getString("status"));

            c.ok("FirmwareStatusNotification", "{\"status\":\"Downloading\"}");
            c.ok("FirmwareStatusNotification", "{\"status\":\"Installed\"}");
            c.ok("DiagnosticsStatusNotification", "{\"status\":\"Uploaded\"}");
            Server.awaitObject("/api/charge-points/" + id, o -> !o.isNull("firmwareStatus")
                    && "Installed".equals(o.getString("firmwareStatus"))
                    && !o.isNull("diagnosticsStatus") && "Uploaded".equals(o.getString("diagnosticsStatus")));
        }
    }

    @Test
    void invalidTransactionPayloadsGetCallErrorsAndNothingIsStored() {
        String id = charger();
        try (ChargePointClient c = ChargePointClient.connect(id)) {
            assertEquals("PropertyConstraintViolation", c.call("StartTransaction",
                    "{\"connectorId\":0,\"idTag\":\"A\",\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}").getString(2));
            assertEquals("TypeConstraintViolation", c.call("StartTransaction",
                    "{\"connectorId\":1,\"idTag\":\"123456789012345678901\",\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}")
                    .getString(2));
            assertEquals("OccurenceConstraintViolation", c.call("MeterValues",
                    "{\"connectorId\":1,\"meterValue\":[]}").getString(2));
            assertEquals("PropertyConstraintViolation", c.call("MeterValues",
                    "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"sampledValue\":[{\"value\":\"1\",\"measurand\":\"Happiness\"}]}]}")
                    .getString(2));
            assertTrue(c.ok("Heartbeat", "{}").containsKey("currentTime"));
        }
        assertEquals(0, Server.get("/api/transactions?chargePointId=" + id).array().size());
    }
}
