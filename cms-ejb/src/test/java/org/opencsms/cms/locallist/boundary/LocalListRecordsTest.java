package org.opencsms.cms.locallist.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.LocalListRequest;
import org.opencsms.cms.locallist.control.LocalListBuilder.Kind;
import org.opencsms.cms.locallist.control.LocalListBuilder.ListChange;
import org.opencsms.cms.locallist.control.LocalListBuilder.TagState;

class LocalListRecordsTest {

    private static List<String> violations(LocalListRequest request) {
        return assertThrows(CmsException.class, () -> LocalListRecords.validated(request)).violations();
    }

    @Test
    void validRequests() {
        assertEquals(Kind.FULL, LocalListRecords.validated(new LocalListRequest("Full", null, null)));
        assertEquals(Kind.DIFFERENTIAL, LocalListRecords.validated(new LocalListRequest("Differential",
                List.of("A", "B"), 7)));
    }

    @Test
    void everyBrokenRuleIsReported() {
        assertEquals(CmsException.Reason.INVALID,
                assertThrows(CmsException.class, () -> LocalListRecords.validated(null)).kind());
        List<String> v = violations(new LocalListRequest("Partial", Arrays.asList("ok", "", null,
                "x".repeat(21), "T\u00e9", "OK"), 0));
        assertEquals(7, v.size(), v.toString());
        assertTrue(v.get(0).contains("updateType"));
        assertTrue(v.contains("idTags names OK more than once"), v.toString());
        assertTrue(v.get(6).contains("listVersion"));
    }

    @Test
    void listsOverTheBoundAreRefused() {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            tags.add("T" + i);
        }
        assertTrue(violations(new LocalListRequest("Full", tags, null)).get(0).contains("more than 1000"));
    }

    @Test
    void payloadCarriesIdTagInfoOrNoneForARemoval() {
        TagState a = new TagState("A", "Blocked", Instant.parse("2027-01-01T00:00:00Z"), "G");
        String payload = LocalListRecords.payload(Kind.DIFFERENTIAL, 4,
                List.of(new ListChange("A", a), new ListChange("B", null)));
        JsonObject json = Json.createReader(new StringReader(payload)).readObject();
        assertEquals(4, json.getInt("listVersion"));
        assertEquals("Differential", json.getString("updateType"));
        assertEquals(Json.createReader(new StringReader("""
                [{"idTag":"A","idTagInfo":{"expiryDate":"2027-01-01T00:00:00Z","parentIdTag":"G","status":"Blocked"}},
                 {"idTag":"B"}]""")).readArray(), json.getJsonArray("localAuthorizationList"));
    }

    @Test
    void anEmptyFullListIsSentAsSuch() {
        JsonObject json = Json.createReader(new StringReader(LocalListRecords.payload(Kind.FULL, 1, List.of())))
                .readObject();
        assertEquals("Full", json.getString("updateType"));
        assertTrue(!json.containsKey("localAuthorizationList") || json.getJsonArray("localAuthorizationList").isEmpty());
    }
}
