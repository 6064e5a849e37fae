package org.opencsms.ocpp;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencsms.ocpp.v16.AuthorizationStatus;
import org.opencsms.ocpp.v16.BootNotificationRequest;
import org.opencsms.ocpp.v16.ChargePointErrorCode;
import org.opencsms.ocpp.v16.ChargePointStatus;
import org.opencsms.ocpp.v16.ChargingRateUnitType;
import org.opencsms.ocpp.v16.ChargingSchedule;
import org.opencsms.ocpp.v16.ChargingSchedulePeriod;
import org.opencsms.ocpp.v16.HeartbeatRequest;
import org.opencsms.ocpp.v16.HeartbeatResponse;
import org.opencsms.ocpp.v16.IdTagInfo;
import org.opencsms.ocpp.v16.Measurand;
import org.opencsms.ocpp.v16.MeterValue;
import org.opencsms.ocpp.v16.MeterValuesRequest;
import org.opencsms.ocpp.v16.Phase;
import org.opencsms.ocpp.v16.ReadingContext;
import org.opencsms.ocpp.v16.SampledValue;
import org.opencsms.ocpp.v16.StartTransactionRequest;
import org.opencsms.ocpp.v16.StartTransactionResponse;
import org.opencsms.ocpp.v16.StatusNotificationRequest;
import org.opencsms.ocpp.v16.V16;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcppCodecTest {

    private final OcppCodec codec = new OcppCodec(V16.REGISTRY);

    /**
     * OCPP-J 1.6, section 4.2.3: the error codes a CALLERROR may carry, in the specification's own
     * spelling ("Occurence", one 'r').
     */
    private static final Set<String> SPEC_ERROR_CODES = Set.of("NotImplemented", "NotSupported", "InternalError",
            "ProtocolError", "SecurityError", "FormationViolation", "PropertyConstraintViolation",
            "OccurenceConstraintViolation", "TypeConstraintViolation", "GenericError");

    /** The error code of the CALLERROR that answers this refusal, as it goes on the wire. */
    private String wireCode(OcppException e) throws OcppException {
        return assertInstanceOf(CallError.class, codec.parse(codec.callError(e.withMessageId("m")))).errorCode();
    }

    // ---- framing errors --------------------------------------------------------------------------------

    static Stream<Arguments> badFrames() {
        return Stream.of(
                Arguments.of("not JSON", "hello there", "FormationViolation", null),
                Arguments.of("empty", "", "FormationViolation", null),
                Arguments.of("JSON null", "null", "FormationViolation", null),
                Arguments.of("object, not array", "{}", "FormationViolation", null),
                Arguments.of("number, not array", "42", "FormationViolation", null),
                Arguments.of("empty array", "[]", "FormationViolation", null),
                Arguments.of("only type and id", """
                        [2,"id"]""", "FormationViolation", "id"),
                Arguments.of("message type as string", """
                        ["2","id","Heartbeat",{}]""", "FormationViolation", "id"),
                Arguments.of("message type not integral", """
                        [2.5,"id","Heartbeat",{}]""", "FormationViolation", "id"),
                Arguments.of("message id too long (37)", """
                        [2,"0123456789012345678901234567890123456","Heartbeat",{}]""",
                        "FormationViolation", "0123456789012345678901234567890123456"),
                Arguments.of("message id empty", """
                        [2,"","Heartbeat",{}]""", "FormationViolation", ""),
                Arguments.of("message id a number", """
                        [2,17,"Heartbeat",{}]""", "FormationViolation", null),
                Arguments.of("CALL payload not an object", """
                        [2,"id","Heartbeat",[]]""", "FormationViolation", "id"),
                Arguments.of("CALL payload null", """
                        [2,"id","Heartbeat",null]""", "FormationViolation", "id"),
                Arguments.of("CALL without payload", """
                        [2,"id","Heartbeat"]""", "FormationViolation", "id"),
                Arguments.of("CALL with extra element", """
                        [2,"id","Heartbeat",{},{}]""", "FormationViolation", "id"),
                Arguments.of("CALL action not a string", """
                        [2,"id",7,{}]""", "FormationViolation", "id"),
                Arguments.of("CALL action empty", """
                        [2,"id","",{}]""", "FormationViolation", "id"),
                Arguments.of("CALLRESULT payload a string", """
                        [3,"id","x"]""", "FormationViolation", "id"),
                Arguments.of("CALLRESULT with extra element", """
                        [3,"id",{},{}]""", "FormationViolation", "id"),
                Arguments.of("CALLERROR details a string", """
                        [4,"id","GenericError","oops","x"]""", "FormationViolation", "id"),
                Arguments.of("CALLERROR code not a string", """
                        [4,"id",1,"oops",{}]""", "FormationViolation", "id"),
                Arguments.of("CALLERROR without description", """
                        [4,"id","GenericError"]""", "FormationViolation", "id"),
                Arguments.of("broken JSON, id still readable", """
                        [2,"abc","Heartbeat",{]""", "FormationViolation", "abc"),
                Arguments.of("trailing garbage", """
                        [2,"abc","Heartbeat",{}] x""", "FormationViolation", "abc"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFrames")
    void badFrameIsRejected(String name, String text, String wireCode, String messageId) throws OcppException {
        OcppException e = assertThrows(OcppException.class, () -> codec.parse(text));
        assertEquals(wireCode, wireCode(e));
        assertEquals(messageId, e.messageId());
        assertFalse(e.description().isBlank());
        assertFalse(e.violations().isEmpty());
    }

    @Test
    void unknownMessageTypeIsItsOwnKind() throws OcppException {
        OcppException e = assertThrows(OcppException.class, () -> codec.parse("[9,\"id\",\"X\",{}]"));
        assertEquals(RpcError.MESSAGE_TYPE_NOT_SUPPORTED, e.error());
        assertEquals("id", e.messageId());
        // OCPP-J 1.6 has no code of its own for it (2.0.1 has MessageTypeNotSupported): whatever is sent is a 1.6 code
        assertTrue(SPEC_ERROR_CODES.contains(wireCode(e)), wireCode(e));
    }

    @Test
    void framesThatWouldCostTooMuchAreRefusedBeforeParsing() throws OcppException {
        for (String frame : new String[] {
                "[2,\"big\",\"Heartbeat\",{\"x\":1E-1000000000}]",
                "[2,\"big\",\"Heartbeat\",{\"x\":1e+99999}]",
                "[2,\"big\",\"Heartbeat\",{\"x\":" + "9".repeat(5000) + "}]",
                "[2,\"big\",\"Heartbeat\",{\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}]"}) {
            OcppException e = assertThrows(OcppException.class, () -> codec.parse(frame));
            assertEquals(RpcError.FORMAT, e.error(), frame.substring(0, Math.min(40, frame.length())));
            assertEquals("big", e.messageId(), "the id is still found for the CALLERROR");
        }
        // what real payloads contain passes: decimals, exponents of sane size, strings with brackets and digits
        assertTrue(codec.parse("[2,\"ok\",\"Heartbeat\",{\"a\":-12.5e3,\"b\":\"[[[[ 99999999999999999999999999999999999999999999999\"}]")
                instanceof Call);
    }

    @Test
    void aNulCharacterInAStringIsAPropertyConstraintViolation() throws OcppException {
        Call call = (Call) codec.parse("[2,\"n\",\"Authorize\",{\"idTag\":\"A\\u0000B\"}]");
        OcppException e = assertThrows(OcppException.class,
                () -> codec.readPayload(org.opencsms.ocpp.v16.AuthorizeRequest.class, call.payload()));
        assertEquals(RpcError.PROPERTY, e.error());
    }

    // ---- valid frames ------------------------------------------------------------------------------------

    @Test
    void parsesCall() throws OcppException {
        Frame f = codec.parse("""
                [2, "19223201", "BootNotification", {"chargePointVendor": "VendorX", "chargePointModel": "SingleSocketCharger"}]
                """);
        Call call = assertInstanceOf(Call.class, f);
        assertEquals("19223201", call.messageId());
        assertEquals("BootNotification", call.action());
        assertEquals("VendorX", call.payload().getString("chargePointVendor"));
    }

    @Test
    void parsesCallWithMaximalMessageId() throws OcppException {
        String id = "0".repeat(36);
        assertEquals(id, codec.parse("[2,\"" + id + "\",\"Heartbeat\",{}]").messageId());
    }

    @Test
    void parsesCallResult() throws OcppException {
        CallResult r = assertInstanceOf(CallResult.class, codec.parse("""
                [3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]"""));
        assertEquals("19223201", r.messageId());
        assertEquals(300, r.payload().getInt("interval"));
    }

    @Test
    void parsesCallError() throws OcppException {
        CallError e = assertInstanceOf(CallError.class, codec.parse("""
                [4,"162376037","NotSupported","SetDisplayMessageRequest not implemented",{"hint":1}]"""));
        assertEquals("162376037", e.messageId());
        assertEquals("NotSupported", e.errorCode());
        assertEquals("SetDisplayMessageRequest not implemented", e.description());
        assertEquals(1, e.details().getInt("hint"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[4,\"1\",\"GenericError\",\"x\"]", "[4,\"1\",\"GenericError\",\"x\",null]"})
    void callErrorDetailsMayBeMissingOrNull(String text) throws OcppException {
        CallError e = assertInstanceOf(CallError.class, codec.parse(text));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, e.details());
    }

    // ---- payload validation ------------------------------------------------------------------------------

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                Arguments.of("unknown property", """
                        [2,"m1","Authorize",{"idTag":"ABC","colour":"red"}]""",
                        "FormationViolation", "colour: unknown property"),
                Arguments.of("unknown nested property", """
                        [2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Available","x":{}}]""",
                        "FormationViolation", "x: unknown property"),
                Arguments.of("missing required", """
                        [2,"m1","Authorize",{}]""",
                        "OccurenceConstraintViolation", "idTag: required property missing"),
                Arguments.of("null for required", """
                        [2,"m1","Authorize",{"idTag":null}]""",
                        "OccurenceConstraintViolation", "idTag: required property is null"),
                Arguments.of("empty meterValue list", """
                        [2,"m1","MeterValues",{"connectorId":1,"meterValue":[]}]""",
                        "OccurenceConstraintViolation", "meterValue: fewer than 1 items"),
                Arguments.of("nested required missing", """
                        [2,"m1","MeterValues",{"connectorId":1,"meterValue":[{"timestamp":"2024-05-01T10:00:00Z","sampledValue":[{"unit":"Wh"}]}]}]""",
                        "OccurenceConstraintViolation", "meterValue[0].sampledValue[0].value: required property missing"),
                Arguments.of("idTag too long", """
                        [2,"m1","Authorize",{"idTag":"123456789012345678901"}]""",
                        "TypeConstraintViolation", "idTag: longer than 20 characters"),
                Arguments.of("number for string", """
                        [2,"m1","Authorize",{"idTag":5}]""",
                        "TypeConstraintViolation", "idTag: expected string"),
                Arguments.of("object for string", """
                        [2,"m1","Authorize",{"idTag":{"id":"A"}}]""",
                        "TypeConstraintViolation", "idTag: expected string"),
                Arguments.of("string for integer", """
                        [2,"m1","StatusNotification",{"connectorId":"1","errorCode":"NoError","status":"Available"}]""",
                        "TypeConstraintViolation", "connectorId: expected integer"),
                Arguments.of("fraction for integer", """
                        [2,"m1","StatusNotification",{"connectorId":1.5,"errorCode":"NoError","status":"Available"}]""",
                        "TypeConstraintViolation", "connectorId: expected integer, got 1.5"),
                Arguments.of("integer beyond int32", """
                        [2,"m1","StatusNotification",{"connectorId":3000000000,"errorCode":"NoError","status":"Available"}]""",
                        "TypeConstraintViolation", "connectorId: out of int32 range"),
                Arguments.of("string for decimal", """
                        [2,"m1","SetChargingProfile",{"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,
                        "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
                        "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":"16"}]}}}]""",
                        "TypeConstraintViolation", "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit: expected number"),
                Arguments.of("string for boolean", """
                        [3,"m1",{"configurationKey":[{"key":"K","readonly":"true"}]}]""",
                        "TypeConstraintViolation", "configurationKey[0].readonly: expected boolean"),
                Arguments.of("bad date-time", """
                        [2,"m1","StartTransaction",{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"yesterday"}]""",
                        "TypeConstraintViolation", "timestamp: not a valid date-time: 'yesterday'"),
                Arguments.of("date-time without offset", """
                        [2,"m1","StartTransaction",{"connectorId":1,"idTag":"A","meterStart":0,"timestamp":"2024-05-01T10:00:00"}]""",
                        "TypeConstraintViolation", "timestamp: not a valid date-time: '2024-05-01T10:00:00'"),
                Arguments.of("not a URI", """
                        [2,"m1","UpdateFirmware",{"location":"firmware file","retrieveDate":"2024-05-01T10:00:00Z"}]""",
                        "TypeConstraintViolation", "location: not a valid URI: 'firmware file'"),
                Arguments.of("bad enum", """
                        [2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]""",
                        "PropertyConstraintViolation",
                        "status: 'Sleeping' is not one of Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted"),
                Arguments.of("enum case matters", """
                        [2,"m1","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"available"}]""",
                        "PropertyConstraintViolation",
                        "status: 'available' is not one of Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted"),
                Arguments.of("negative connectorId", """
                        [2,"m1","StatusNotification",{"connectorId":-1,"errorCode":"NoError","status":"Available"}]""",
                        "PropertyConstraintViolation", "connectorId: must be >= 0"),
                Arguments.of("StartTransaction on connector 0", """
                        [2,"m1","StartTransaction",{"connectorId":0,"idTag":"A","meterStart":0,"timestamp":"2024-05-01T10:00:00Z"}]""",
                        "PropertyConstraintViolation", "connectorId: must be >= 1"),
                Arguments.of("limit not a multiple of 0.1", """
                        [2,"m1","SetChargingProfile",{"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,
                        "chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute",
                        "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.05}]}}}]""",
                        "PropertyConstraintViolation", "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit: must be a multiple of 0.1"));
    }

    /** CALLs are read as requests of the CSMS-bound action (SetChargingProfile/UpdateFirmware in their direction); CALLRESULTs as GetConfiguration.conf. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayloads")
    void badPayloadIsRejected(String name, String text, String wireCode, String violation) throws OcppException {
        Frame frame = codec.parse(text);
        OcppException e = assertThrows(OcppException.class, () -> read(frame));
        assertNull(e.messageId(), "payload validation does not know the message id");
        assertEquals(wireCode, wireCode(e), () -> e.violations().toString());
        assertEquals(violation, e.violations().get(0));
        assertEquals("Invalid " + violation + (e.violations().size() > 1 ? " (and " + (e.violations().size() - 1) + " more)" : ""),
                e.description());
        OcppException withId = e.withMessageId(frame.messageId());
        assertEquals("m1", withId.messageId());
        assertEquals(e.error(), withId.error());
        assertEquals(e.violations(), withId.violations());
    }

    private Object read(Frame frame) throws OcppException {
        if (frame instanceof Call call) {
            ActionDef<?, ?> def = V16.REGISTRY.find(call.action())
                    .or(() -> V16.REGISTRY.find(call.action(), Direction.CSMS_TO_CHARGER))
                    .orElseThrow();
            return codec.readPayload(def.requestType(), call.payload());
        }
        return codec.readPayload(V16.GET_CONFIGURATION.responseType(), ((CallResult) frame).payload());
    }

    @Test
    void collectsAllViolationsAndTheFirstDecidesTheCode() {
        JsonObject payload = json("""
                {"connectorId":-1,"idTag":"123456789012345678901","meterStart":"0","extra":true}""");
        OcppException e = assertThrows(OcppException.class, () -> codec.readPayload(StartTransactionRequest.class, payload));
        assertEquals(List.of(
                "extra: unknown property",
                "connectorId: must be >= 1",
                "idTag: longer than 20 characters",
                "meterStart: expected integer",
                "timestamp: required property missing"), e.violations());
        assertEquals(RpcError.FORMAT, e.error());
        assertEquals("Invalid extra: unknown property (and 4 more)", e.description());
    }

    @Test
    void readsTypedRecord() throws OcppException {
        MeterValuesRequest r = codec.readPayload(MeterValuesRequest.class, json("""
                {"connectorId":2,"meterValue":[{"timestamp":"2024-05-01T12:00:00+02:00","sampledValue":[
                  {"value":"230.1","measurand":"Voltage","phase":"L1-N","context":"Sample.Periodic","unit":"V"}]}]}"""));
        assertEquals(2, r.connectorId());
        assertNull(r.transactionId());
        MeterValue mv = r.meterValue().get(0);
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), mv.timestamp());
        SampledValue sv = mv.sampledValue().get(0);
        assertEquals(Measurand.VOLTAGE, sv.measurand());
        assertEquals(Phase.L1_N, sv.phase());
        assertEquals(ReadingContext.SAMPLE_PERIODIC, sv.context());
        assertNull(sv.location());
    }

    @Test
    void nullForOptionalPropertyIsTakenAsAbsent() throws OcppException {
        IdTagInfo info = codec.readPayload(IdTagInfo.class, json("""
                {"status":"Accepted","parentIdTag":null}"""));
        assertEquals(new IdTagInfo(null, null, AuthorizationStatus.ACCEPTED), info);
    }

    @Test
    void integralNumberWithZeroFractionIsAnInteger() throws OcppException {
        StatusNotificationRequest r = codec.readPayload(StatusNotificationRequest.class, json("""
                {"connectorId":1.0,"errorCode":"NoError","status":"Available"}"""));
        assertEquals(1, r.connectorId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2024-05-01T10:00:00Z", "2024-05-01T10:00:00.000Z", "2024-05-01T12:00:00+02:00",
            "2024-05-01T05:00:00-05:00", "2024-05-01T10:00:00.000000000Z", "2024-05-01T11:00:00.0+01:00"})
    void dateTimesAreReadLeniently(String value) throws OcppException {
        HeartbeatResponse r = codec.readPayload(HeartbeatResponse.class, json("{\"currentTime\":\"" + value + "\"}"));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), r.currentTime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01", "2024-05-01 10:00:00Z", "2024-05-01T10:00:00", "1714557600", "2024-13-01T10:00:00Z", ""})
    void otherDateTimesAreRejected(String value) {
        OcppException e = assertThrows(OcppException.class,
                () -> codec.readPayload(HeartbeatResponse.class, json("{\"currentTime\":\"" + value + "\"}")));
        assertEquals(RpcError.TYPE, e.error());
    }

    // ---- generic mechanics on records that only exist here ---------------------------------------------

    enum Colour implements WireEnum {
        DARK_RED("dark-red");

        private final String wire;

        Colour(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    record Probe(
            @Optional @MaxItems(2) List<@MaxLength(3) String> tags,
            @Optional JsonObject anything,
            @Optional Long big,
            @Optional @Min(10) BigDecimal amount,
            @Optional Colour colour) {
    }

    @Test
    void maxItemsIsAnOccurrenceViolation() {
        OcppException e = assertThrows(OcppException.class,
                () -> codec.readPayload(Probe.class, json("{\"tags\":[\"a\",\"b\",\"c\"]}")));
        assertEquals(RpcError.OCCURRENCE, e.error());
        assertEquals(List.of("tags: more than 2 items"), e.violations());
    }

    @Test
    void listItemsAreCheckedOneByOne() {
        OcppException e = assertThrows(OcppException.class,
                () -> codec.readPayload(Probe.class, json("{\"tags\":[\"abcd\",null]}")));
        assertEquals(List.of("tags[0]: longer than 3 characters", "tags[1]: null item"), e.violations());
    }

    @Test
    void jsonObjectPropertyTakesAnyObjectAndNothingElse() throws OcppException {
        Probe p = codec.readPayload(Probe.class, json("""
                {"anything":{"a":[1,{"b":null}]},"big":9007199254740993,"amount":10.5,"colour":"dark-red"}"""));
        assertEquals(json("{\"a\":[1,{\"b\":null}]}"), p.anything());
        assertEquals(9007199254740993L, p.big());
        assertEquals(new BigDecimal("10.5"), p.amount());
        assertEquals(Colour.DARK_RED, p.colour());
        assertEquals(json("""
                {"anything":{"a":[1,{"b":null}]},"big":9007199254740993,"amount":10.5,"colour":"dark-red"}"""), codec.writePayload(p));

        OcppException e = assertThrows(OcppException.class, () -> codec.readPayload(Probe.class, json("{\"anything\":[]}")));
        assertEquals(List.of("anything: expected object"), e.violations());
    }

    @Test
    void decimalMinimumIsAPropertyViolation() {
        OcppException e = assertThrows(OcppException.class, () -> codec.readPayload(Probe.class, json("{\"amount\":9.99}")));
        assertEquals(RpcError.PROPERTY, e.error());
        assertEquals(List.of("amount: must be >= 10"), e.violations());
    }

    record Misdeclared(@MaxLength(3) Integer n) {
    }

    @Test
    void misplacedConstraintIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> codec.writePayload(new Misdeclared(1)));
        assertThrows(IllegalArgumentException.class, () -> codec.readPayload(String.class, JsonObject.EMPTY_JSON_OBJECT));
    }

    // ---- writing -------------------------------------------------------------------------------------

    @Test
    void writesCall() {
        assertEquals("[2,\"id-1\",\"Heartbeat\",{}]", codec.call("id-1", "Heartbeat", new HeartbeatRequest()));
        assertEquals("""
                [2,"m2","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"M7"}]""",
                codec.call("m2", "BootNotification",
                        new BootNotificationRequest("VendorX", "M7", null, null, null, null, null, null, null)));
        assertEquals("[2,\"m3\",\"Custom\",{\"a\":1}]", codec.call("m3", "Custom", json("{\"a\":1}")));
    }

    @Test
    void writesCallResult() {
        assertEquals("""
                [3,"id",{"currentTime":"2024-05-01T10:00:00Z"}]""",
                codec.callResult("id", new HeartbeatResponse(Instant.parse("2024-05-01T10:00:00Z"))));
        assertEquals("""
                [3,"id",{"idTagInfo":{"status":"Invalid"},"transactionId":17}]""",
                codec.callResult("id", new StartTransactionResponse(new IdTagInfo(null, null, AuthorizationStatus.INVALID), 17)));
        assertEquals("[3,\"id\",{}]", codec.callResult("id", JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void writesDateTimesInUtcWithMillisecondsOnlyWhenNonZero() {
        assertEquals("[3,\"a\",{\"currentTime\":\"2024-05-01T10:00:00.123Z\"}]",
                codec.callResult("a", new HeartbeatResponse(Instant.parse("2024-05-01T12:00:00.123456+02:00"))));
        assertEquals("[3,\"a\",{\"currentTime\":\"2024-05-01T10:00:00Z\"}]",
                codec.callResult("a", new HeartbeatResponse(Instant.parse("2024-05-01T10:00:00.000999Z"))));
        assertEquals("[3,\"a\",{\"currentTime\":\"2024-05-01T10:00:00.100Z\"}]",
                codec.callResult("a", new HeartbeatResponse(Instant.parse("2024-05-01T10:00:00.1Z"))));
    }

    @Test
    void writesEnumsAsWireValuesAndOmitsAbsentOptionals() {
        JsonObject o = codec.writePayload(new StatusNotificationRequest(1, ChargePointErrorCode.EV_COMMUNICATION_ERROR, null,
                ChargePointStatus.SUSPENDED_EV, null, null, null));
        assertEquals(json("""
                {"connectorId":1,"errorCode":"EVCommunicationError","status":"SuspendedEV"}"""), o);
    }

    @Test
    void writesCallError() {
        assertEquals("[4,\"id\",\"OccurenceConstraintViolation\",\"idTag missing\",{}]",
                codec.callError("id", RpcError.OCCURRENCE, "idTag missing"));
        assertEquals("[4,\"-1\",\"FormationViolation\",\"\",{}]", codec.callError(null, RpcError.FORMAT, null));
        assertEquals("[4,\"q\",\"InternalError\",\"say \\\"hi\\\"\",{}]", codec.callError("q", RpcError.INTERNAL, "say \"hi\""));
    }

    @Test
    void callErrorDescriptionIsCutTo255Characters() throws OcppException {
        String text = codec.callError("id", RpcError.GENERIC, "x".repeat(1000));
        CallError e = assertInstanceOf(CallError.class, codec.parse(text));
        assertEquals("x".repeat(255), e.description());
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, e.details());
    }

    @Test
    void theCodecWritesExactlyTheSpecificationsErrorCodes() throws OcppException {
        Set<String> written = new HashSet<>();
        for (RpcError error : RpcError.values()) {
            CallError e = assertInstanceOf(CallError.class, codec.parse(codec.callError("i", error, "d")));
            assertTrue(SPEC_ERROR_CODES.contains(e.errorCode()), error + " is written as " + e.errorCode()
                    + ", not an OCPP-J 1.6 error code");
            assertEquals("i", e.messageId());
            assertEquals("d", e.description());
            written.add(e.errorCode());
        }
        assertEquals(SPEC_ERROR_CODES, written, "every code of the specification can be sent");
    }

    @Test
    void everyCodeOfTheSpecificationIsUnderstoodInAChargersCallError() {
        for (String code : SPEC_ERROR_CODES) {
            RpcError kind = V16.REGISTRY.errorOf(code).orElseThrow(() -> new AssertionError(code + " not understood"));
            assertEquals(code, V16.REGISTRY.errorCode(kind), "a code is written back as it was received");
        }
        // the OCPP 2.0.1 spellings are not 1.6 codes
        assertTrue(V16.REGISTRY.errorOf("FormatViolation").isEmpty());
        assertTrue(V16.REGISTRY.errorOf("OccurrenceConstraintViolation").isEmpty());
        assertTrue(V16.REGISTRY.errorOf("MessageTypeNotSupported").isEmpty());
    }

    /** Concrete inputs and the code section 4.2.3 gives for them. */
    @Test
    void concreteProblemsGetTheSpecificationsCodes() throws OcppException {
        // "Payload for Action is syntactically incorrect or not conform the PDU structure for Action"
        assertEquals("FormationViolation", wireCode(assertThrows(OcppException.class, () -> codec.parse("hello"))));
        assertEquals("FormationViolation", wireCode(assertThrows(OcppException.class,
                () -> codec.readPayload(org.opencsms.ocpp.v16.AuthorizeRequest.class,
                        json("{\"idTag\":\"A\",\"colour\":\"red\"}")))));
        // "at least one of the fields violates data type constraints (e.g. "somestring": 12)"
        assertEquals("TypeConstraintViolation", wireCode(assertThrows(OcppException.class,
                () -> codec.readPayload(org.opencsms.ocpp.v16.AuthorizeRequest.class, json("{\"idTag\":12}")))));
        // "at least one of the fields violates occurence constraints"
        assertEquals("OccurenceConstraintViolation", wireCode(assertThrows(OcppException.class,
                () -> codec.readPayload(org.opencsms.ocpp.v16.AuthorizeRequest.class, json("{}")))));
        // "at least one field contains an invalid value"
        assertEquals("PropertyConstraintViolation", wireCode(assertThrows(OcppException.class,
                () -> codec.readPayload(StatusNotificationRequest.class,
                        json("{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}")))));
    }

    @Test
    void newMessageIdsAreUniqueUuids() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = OcppCodec.newMessageId();
            assertEquals(36, id.length());
            ids.add(id);
        }
        assertEquals(1000, ids.size());
    }

    // ---- validating outgoing records ---------------------------------------------------------------------

    @Test
    void validRecordHasNoViolations() {
        assertEquals(List.of(), codec.validate(new StatusNotificationRequest(0, ChargePointErrorCode.NO_ERROR, null,
                ChargePointStatus.AVAILABLE, null, null, null)));
        assertEquals(List.of(), codec.validate(JsonObject.EMPTY_JSON_OBJECT));
    }

    @Test
    void validateFindsEveryProblem() {
        MeterValuesRequest bad = new MeterValuesRequest(-2, null, List.of(
                new MeterValue(null, List.of()),
                new MeterValue(Instant.EPOCH, List.of(new SampledValue(null, null, null, null, null, null, null)))));
        assertEquals(List.of(
                "connectorId: must be >= 0",
                "meterValue[0].timestamp: required property missing",
                "meterValue[0].sampledValue: fewer than 1 items",
                "meterValue[1].sampledValue[0].value: required property missing"), codec.validate(bad));

        ChargingSchedule schedule = new ChargingSchedule(null, null, ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, new BigDecimal("6.25"), null)), null);
        assertEquals(List.of("chargingSchedulePeriod[0].limit: must be a multiple of 0.1"), codec.validate(schedule));
        assertEquals(List.of("idTag: longer than 20 characters"),
                codec.validate(new org.opencsms.ocpp.v16.AuthorizeRequest("x".repeat(21))));
    }

    // ---- versions and registries ---------------------------------------------------------------------

    @Test
    void versionBySubprotocol() {
        assertEquals(java.util.Optional.of(OcppVersion.OCPP16), OcppVersion.fromSubprotocol("ocpp1.6"));
        assertEquals(java.util.Optional.of(OcppVersion.OCPP16), OcppVersion.fromSubprotocol(" ocpp1.6 "));
        assertTrue(OcppVersion.fromSubprotocol("ocpp2.0.1").isEmpty());
        assertTrue(OcppVersion.fromSubprotocol("OCPP1.6J").isEmpty());
        assertTrue(OcppVersion.fromSubprotocol(null).isEmpty());
        assertEquals("ocpp1.6", OcppVersion.OCPP16.subprotocol());
        assertSame(V16.REGISTRY, OcppVersion.OCPP16.registry());
        assertSame(OcppVersion.OCPP16, V16.REGISTRY.version());
        assertSame(OcppVersion.OCPP16.codec(), OcppVersion.OCPP16.codec());
    }

    @Test
    void registryLooksUpByDirection() {
        ActionRegistry r = V16.REGISTRY;
        assertSame(V16.DATA_TRANSFER_FROM_CHARGER, r.find("DataTransfer").orElseThrow());
        assertSame(V16.DATA_TRANSFER_TO_CHARGER, r.find("DataTransfer", Direction.CSMS_TO_CHARGER).orElseThrow());
        assertTrue(r.find("Reset").isEmpty(), "Reset is not a CALL a CSMS receives");
        assertSame(V16.RESET, r.find("Reset", Direction.CSMS_TO_CHARGER).orElseThrow());
        assertTrue(r.knows("Reset"));
        assertFalse(r.knows("SetVariables"));
        assertTrue(r.find("heartbeat").isEmpty(), "action names are case-sensitive");
        assertTrue(r.find(null).isEmpty());
    }

    @Test
    void registryRejectsDuplicatesAndMissingCodes() {
        assertThrows(IllegalArgumentException.class, () -> new ActionRegistry(OcppVersion.OCPP16, V16.ERROR_CODES,
                List.of(V16.HEARTBEAT, V16.HEARTBEAT)));
        assertThrows(IllegalArgumentException.class, () -> new ActionRegistry(OcppVersion.OCPP16,
                java.util.Map.of(RpcError.FORMAT, "FormationViolation"), List.of()));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
