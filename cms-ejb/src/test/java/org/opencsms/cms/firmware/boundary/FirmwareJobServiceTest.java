package org.opencsms.cms.firmware.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.CmsException;
import org.opencsms.ocpp.v16.GetDiagnosticsRequest;
import org.opencsms.ocpp.v16.UpdateFirmwareRequest;

class FirmwareJobServiceTest {
    private static final Instant AT = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void validRequestsBecomeTheirOcppPayload() {
        String payload = FirmwareJobService.payload("UpdateFirmware", "https://example.com/fw.bin", 3, 60,
                new UpdateFirmwareRequest("https://example.com/fw.bin", 3, AT, 60));
        assertEquals(Json.createReader(new StringReader("""
                {"location":"https://example.com/fw.bin","retries":3,"retrieveDate":"2030-01-01T00:00:00Z","retryInterval":60}
                """)).readObject(), Json.createReader(new StringReader(payload)).readObject());
        String diagnostics = FirmwareJobService.payload("GetDiagnostics", "ftp://example.com/up", null, null,
                new GetDiagnosticsRequest("ftp://example.com/up", null, null, null, null));
        assertEquals("{\"location\":\"ftp://example.com/up\"}", diagnostics);
    }

    @Test
    void schemaAndOwnRulesAreReportedTogether() {
        CmsException e = assertThrows(CmsException.class, () -> FirmwareJobService.payload("UpdateFirmware", null, -1,
                -5, new UpdateFirmwareRequest(null, -1, null, -5)));
        assertEquals(CmsException.Reason.INVALID, e.kind());
        List<String> v = e.violations();
        assertTrue(v.stream().anyMatch(s -> s.contains("retries")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("retryInterval")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("location")), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.contains("retrieveDate")), v.toString());
    }

    @Test
    void aLocationThatIsNoUriOrTooLongIsRefused() {
        assertThrows(CmsException.class, () -> FirmwareJobService.payload("GetDiagnostics", "not a uri", null, null,
                new GetDiagnosticsRequest("not a uri", null, null, null, null)));
        String longUri = "https://example.com/" + "x".repeat(1000);
        CmsException e = assertThrows(CmsException.class, () -> FirmwareJobService.payload("GetDiagnostics", longUri,
                null, null, new GetDiagnosticsRequest(longUri, null, null, null, null)));
        assertTrue(e.violations().get(0).contains("1000"), e.violations().toString());
    }
}
