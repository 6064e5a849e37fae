package org.opencsms.ocpp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencsms.ocpp.v16.BootNotificationRequest;
import org.opencsms.ocpp.v16.ChargePointErrorCode;
import org.opencsms.ocpp.v16.ChargePointStatus;
import org.opencsms.ocpp.v16.Measurand;
import org.opencsms.ocpp.v16.MeterValuesRequest;
import org.opencsms.ocpp.v16.SampledValue;
import org.opencsms.ocpp.v16.StartTransactionRequest;
import org.opencsms.ocpp.v16.StatusNotificationRequest;
import org.opencsms.ocpp.v16.UnitOfMeasure;
import org.opencsms.ocpp.v16.V16;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relaxed validation mode: what it tolerates, that it says so, and that it tolerates nothing else. */
class RelaxedCodecTest {

    private final OcppCodec strict = new OcppCodec(V16.REGISTRY);
    private final List<Deviation> tolerated = new ArrayList<>();
    private final OcppCodec relaxed = strict.relaxed(tolerated::add);

    private static final String SLOPPY_METER_VALUES = """
            {"connectorId":"1","transactionId":"42","vendorExtra":{"x":1},"meterValue":[
              {"timestamp":"2026-12-02T10:00:00","sampledValue":[
                {"value":1234.5,"measurand":"energy.active.import.register","unit":"WH"},
                {"value":"7","measurand":"POWER.ACTIVE.IMPORT","unit":"kW"}]},
              {"timestamp":"2026-12-02T10:00:10.250","sampledValue":[{"value":"1240"}]}]}""";

    @Test
    void strictRefusesWhatRelaxedTolerates() {
        OcppException e = assertThrows(OcppException.class,
                () -> strict.readPayload(MeterValuesRequest.class, json(SLOPPY_METER_VALUES)));
        assertEquals(RpcError.FORMAT, e.error(), e.description()); // the unknown property comes first
        assertFalse(strict.isRelaxed());
    }

    @Test
    void relaxedReadsEachCommonMistakeAndReportsIt() throws OcppException {
        MeterValuesRequest r = relaxed.readPayload(MeterValuesRequest.class, json(SLOPPY_METER_VALUES));

        assertTrue(relaxed.isRelaxed());
        assertEquals(1, r.connectorId());
        assertEquals(42, r.transactionId());
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), r.meterValue().get(0).timestamp());
        assertEquals(Instant.parse("2026-12-02T10:00:10.250Z"), r.meterValue().get(1).timestamp());
        SampledValue energy = r.meterValue().get(0).sampledValue().get(0);
        assertEquals("1234.5", energy.value());
        assertEquals(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, energy.measurand());
        assertEquals(UnitOfMeasure.WH, energy.unit());
        assertEquals(Measurand.POWER_ACTIVE_IMPORT, r.meterValue().get(0).sampledValue().get(1).measurand());

        List<String> seen = tolerated.stream().map(Deviation::toString).toList();
        assertTrue(seen.contains("MeterValuesRequest connectorId: number sent as a string ('1')"), seen::toString);
        assertTrue(seen.contains("MeterValuesRequest vendorExtra: unknown property ignored"), seen::toString);
        assertTrue(seen.contains("MeterValuesRequest meterValue[0].timestamp: timestamp without a zone read as UTC "
                + "('2026-12-02T10:00:00')"), seen::toString);
        assertTrue(seen.contains("MeterValuesRequest meterValue[0].sampledValue[0].value: string sent as a number (1234.5)"),
                seen::toString);
        assertTrue(seen.contains("MeterValuesRequest meterValue[0].sampledValue[0].unit: enumeration value in the wrong "
                + "case ('WH')"), seen::toString);
        // the two timestamps are one deviation for a log that says each once
        assertEquals(1, tolerated.stream().filter(d -> d.kind() == Deviation.Kind.TIMESTAMP_WITHOUT_ZONE)
                .map(Deviation::key).distinct().count());
        assertEquals("MeterValuesRequest meterValue[].timestamp TIMESTAMP_WITHOUT_ZONE",
                tolerated.stream().filter(d -> d.kind() == Deviation.Kind.TIMESTAMP_WITHOUT_ZONE).findFirst().orElseThrow().key());
    }

    @Test
    void aCorrectPayloadIsReadTheSameAndReportsNothing() throws OcppException {
        String text = """
                {"connectorId":1,"errorCode":"NoError","status":"Charging","timestamp":"2026-12-02T10:00:00Z"}""";
        assertEquals(strict.readPayload(StatusNotificationRequest.class, json(text)),
                relaxed.readPayload(StatusNotificationRequest.class, json(text)));
        assertTrue(tolerated.isEmpty(), tolerated::toString);
    }

    @Test
    void enumCaseIsTheOnlyEnumLeniency() throws OcppException {
        StatusNotificationRequest r = relaxed.readPayload(StatusNotificationRequest.class, json("""
                {"connectorId":1,"errorCode":"noerror","status":"SUSPENDEDEV"}"""));
        assertEquals(ChargePointErrorCode.NO_ERROR, r.errorCode());
        assertEquals(ChargePointStatus.SUSPENDED_EV, r.status());
        OcppException e = assertThrows(OcppException.class, () -> relaxed.readPayload(StatusNotificationRequest.class, json("""
                {"connectorId":1,"errorCode":"NoError","status":"Suspended EV"}""")));
        assertEquals(RpcError.PROPERTY, e.error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"one\"", "\"1e3\"", "\"0x10\"", "\"12345678901234567890123456789012345678901\"", "\"\"",
            "\"-\"", "true", "[1]"})
    void whatIsNotANumberStaysATypeViolation(String connectorId) {
        OcppException e = assertThrows(OcppException.class, () -> relaxed.readPayload(StatusNotificationRequest.class,
                json("{\"connectorId\":" + connectorId + ",\"errorCode\":\"NoError\",\"status\":\"Available\"}")));
        assertEquals(RpcError.TYPE, e.error(), e.description());
    }

    @Test
    void schemaRulesStillHoldForConvertedValues() {
        // a negative meterStart sent as a string converts, and then breaks minimum 0 like the number would
        OcppException e = assertThrows(OcppException.class, () -> relaxed.readPayload(StartTransactionRequest.class, json("""
                {"connectorId":"-1","idTag":"TAG","meterStart":100,"timestamp":"2026-12-02T10:00:00Z"}""")));
        assertEquals(RpcError.PROPERTY, e.error(), e.description());
        // required properties stay required
        e = assertThrows(OcppException.class, () -> relaxed.readPayload(BootNotificationRequest.class, json("""
                {"chargePointModel":"M","extra":1}""")));
        assertEquals(RpcError.OCCURRENCE, e.error(), e.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-02", "2026-12-02 10:00:00", "10:00:00", "2026-12-02T25:00:00", "1764669600"})
    void otherDateTimesAreStillRefused(String value) {
        OcppException e = assertThrows(OcppException.class, () -> relaxed.readPayload(StatusNotificationRequest.class,
                json("{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\",\"timestamp\":\"" + value + "\"}")));
        assertEquals(RpcError.TYPE, e.error(), e.description());
    }

    @Test
    void anUnknownPropertyIsNamedPrintablyInTheDeviation() throws OcppException {
        relaxed.readPayload(StatusNotificationRequest.class, json(
                "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\",\"x\\nFAKE LOG LINE\":1}"));
        assertEquals("StatusNotificationRequest x?FAKE LOG LINE: unknown property ignored", tolerated.get(0).toString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
