package org.opencsms.it;

import jakarta.json.JsonObject;
import org.opencsms.testkit.ChargePointClient;
import org.opencsms.testkit.Reply;

/** Shorthands for a charger's transaction messages. */
final class Sessions {

    static void tag(String idTag, String extraJson) {
        Reply r = Server.post("/api/id-tags", "{\"idTag\":\"" + idTag + "\"" + extraJson + "}");
        if (r.status() != 201) {
            throw new AssertionError("tag " + idTag + ": " + r);
        }
    }

    static JsonObject start(ChargePointClient c, int connector, String idTag, int meterStart, String timestamp) {
        return c.ok("StartTransaction", """
                {"connectorId":%d,"idTag":"%s","meterStart":%d,"timestamp":"%s"}"""
                .formatted(connector, idTag, meterStart, timestamp));
    }

    static int startedId(ChargePointClient c, int connector, String idTag, int meterStart, String timestamp) {
        return start(c, connector, idTag, meterStart, timestamp).getInt("transactionId");
    }

    static void meter(ChargePointClient c, int connector, int txId, String timestamp, int wh, double amps) {
        c.ok("MeterValues", """
                {"connectorId":%d,"transactionId":%d,"meterValue":[{"timestamp":"%s","sampledValue":[
                  {"value":"%d","measurand":"Energy.Active.Import.Register","unit":"Wh","context":"Sample.Periodic"},
                  {"value":"%s","measurand":"Current.Import","unit":"A","phase":"L1"}]}]}"""
                .formatted(connector, txId, timestamp, wh, amps));
    }

    static JsonObject stop(ChargePointClient c, int txId, int meterStop, String timestamp, String transactionData) {
        return c.ok("StopTransaction", """
                {"transactionId":%d,"idTag":"STOPPER","meterStop":%d,"timestamp":"%s","reason":"EVDisconnected"%s}"""
                .formatted(txId, meterStop, timestamp,
                        transactionData == null ? "" : ",\"transactionData\":" + transactionData));
    }

    private Sessions() {
    }
}
