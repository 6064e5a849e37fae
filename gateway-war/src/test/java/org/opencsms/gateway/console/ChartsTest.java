package org.opencsms.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ChartsTest {
    @Test
    void labelsFromChargePointsAreJsonStringsNotCode() {
        String label = "</script><script>alert(1)</script>\"";
        JsonObject chart = Json.createReader(new StringReader(Charts.bar("kWh", List.of(label), List.of(1.5)))).readObject();
        assertEquals(label, chart.getJsonObject("data").getJsonArray("labels").getString(0));
        assertEquals(1.5, chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0)
                .getJsonArray("data").getJsonNumber(0).doubleValue());
    }

    @Test
    void linesKeepGapsAsNullsOnTheirOwnAxes() {
        JsonObject chart = Json.createReader(new StringReader(Charts.lines(List.of("a", "b"), List.of(
                new Charts.Series("Energy", "y", Arrays.asList(1.0, null)),
                new Charts.Series("Power", "y1", Arrays.asList(null, 7.0)))))).readObject();
        var sets = chart.getJsonObject("data").getJsonArray("datasets");
        assertTrue(sets.getJsonObject(0).getJsonArray("data").isNull(1));
        assertEquals("y1", sets.getJsonObject(1).getString("yAxisID"));
        assertEquals("right", chart.getJsonObject("options").getJsonObject("scales").getJsonObject("y1")
                .getString("position"));
    }
}
