package org.opencsms.gateway.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events;
import org.opencsms.api.messaging.TagAuthorization;
import org.opencsms.api.messaging.MeterSample;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.gateway.cms.Backlogs;
import org.opencsms.gateway.cms.RecordingCmsClient;
import org.opencsms.gateway.cms.RecordingCmsClient.SentCall;
import org.opencsms.gateway.cms.RecordingCmsClient.SentEvent;
import org.opencsms.gateway.session.ChargePointConnection;
import org.opencsms.gateway.session.TestSocket;

/**
 * What an OCPP 1.6 charger's CALLs become: the CMS call or the event each one turns into, and the
 * CALLRESULT payload (as the OCPP 1.6 specification defines it) or CALLERROR code the charger gets.
 */
class V16HandlerTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    private final RecordingCmsClient cms = new RecordingCmsClient();
    private final OcppCodec codec = OcppVersion.OCPP16.codec();
    private final V16Handler handler = new V16Handler();
    private ChargePointConnection connection;
    private Instant before;

    @BeforeEach
    void setUp() {
        handler.cms = cms;
        handler.backlog = Backlogs.unknown();
        handler.init();
        connection = new TestSocket().connect("CP-7", timers, Duration.ofSeconds(30));
        before = Instant.now();
    }

    @AfterEach
    void tearDown() {
        timers.shutdownNow();
    }

    private CompletableFuture<Object> handle(String action, String payload) throws OcppException {
        return handler.handle(connection, action, json(payload)).toCompletableFuture();
    }

    /** The payload of the CALLRESULT the charger gets. */
    private JsonObject answered(CompletableFuture<Object> answer) throws Exception {
        Object response = answer.get(5, TimeUnit.SECONDS);
        return Json.createReader(new StringReader(codec.callResult("m", response))).readArray().getJsonObject(2);
    }

    private static Throwable failure(CompletableFuture<Object> answer) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    /** The error code of the CALLERROR the charger gets for this refusal. */
    private String wireCode(OcppException e) {
        return Json.createReader(new StringReader(codec.callError(e.withMessageId("m")))).readArray().getString(2);
    }

    private void assertReceivedNow(Instant receivedAt) {
        assertTrue(!receivedAt.isBefore(before) && !receivedAt.isAfter(Instant.now()), "received at " + receivedAt);
    }

    // ---- calls the CMS answers ----------------------------------------------------------------------

    @Test
    void bootNotificationIsAnsweredWithTheCmsVerdict() throws Exception {
        CompletableFuture<Object> answer = handle("BootNotification", """
                {"chargePointVendor":"VendorX","chargePointModel":"M7","chargePointSerialNumber":"CPS-1",
                 "chargeBoxSerialNumber":"CBS-1","firmwareVersion":"1.2.3","iccid":"ICC","imsi":"IMSI",
                 "meterType":"MT","meterSerialNumber":"MS-1"}""");
        SentCall call = cms.onlyCall();
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.Boot.class), call.type());
        assertEquals("CP-7", call.chargePointId());
        assertEquals(new Calls.Boot("CP-7", "VendorX", "M7", "CPS-1", "CBS-1", "1.2.3", "ICC", "IMSI", "MT", "MS-1"),
                call.body());
        assertFalse(answer.isDone(), "the charger waits for the CMS");

        call.reply(new Calls.BootReply(Calls.Registration.ACCEPTED, 300, T));
        assertEquals(json("""
                {"status":"Accepted","currentTime":"2024-05-01T10:00:00Z","interval":300}"""), answered(answer));
        assertTrue(cms.events.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"ACCEPTED,Accepted", "PENDING,Pending", "REJECTED,Rejected"})
    void everyRegistrationStatusReachesTheCharger(Calls.Registration status, String wire) throws Exception {
        CompletableFuture<Object> answer = handle("BootNotification", """
                {"chargePointVendor":"V","chargePointModel":"M"}""");
        SentCall call = cms.onlyCall();
        assertEquals(new Calls.Boot("CP-7", "V", "M", null, null, null, null, null, null, null), call.body());
        call.reply(new Calls.BootReply(status, 60, T));
        assertEquals(wire, answered(answer).getString("status"));
        assertEquals(60, answered(answer).getInt("interval"));
    }

    @Test
    void heartbeatIsAnsweredWithTheCmsTime() throws Exception {
        CompletableFuture<Object> answer = handle("Heartbeat", "{}");
        SentCall call = cms.onlyCall();
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.Heartbeat.class), call.type());
        assertEquals(new Calls.Heartbeat("CP-7"), call.body());
        call.reply(new Calls.HeartbeatReply(Instant.parse("2024-05-01T10:00:00.250Z")));
        assertEquals(json("{\"currentTime\":\"2024-05-01T10:00:00.250Z\"}"), answered(answer));
    }

    @ParameterizedTest
    @CsvSource({"ACCEPTED,Accepted", "BLOCKED,Blocked", "EXPIRED,Expired", "INVALID,Invalid",
            "CONCURRENT_TX,ConcurrentTx"})
    void authorizeAnswersTheCmsVerdictOnTheTag(TagAuthorization.Verdict status, String wire) throws Exception {
        CompletableFuture<Object> answer = handle("Authorize", "{\"idTag\":\"TAG-1\"}");
        SentCall call = cms.onlyCall();
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.Authorize.class), call.type());
        assertEquals(new Calls.Authorize("CP-7", "TAG-1"), call.body());
        call.reply(new Calls.AuthorizeReply(new TagAuthorization(status, Instant.parse("2024-06-01T00:00:00Z"), "GROUP")));
        assertEquals(json("""
                {"idTagInfo":{"expiryDate":"2024-06-01T00:00:00Z","parentIdTag":"GROUP","status":"%s"}}"""
                .formatted(wire)), answered(answer));
    }

    @Test
    void startTransactionGetsTheCmsTransactionId() throws Exception {
        CompletableFuture<Object> answer = handle("StartTransaction", """
                {"connectorId":2,"idTag":"TAG-1","meterStart":1000,"reservationId":5,
                 "timestamp":"2024-05-01T11:59:00+02:00"}""");
        SentCall call = cms.onlyCall();
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.StartTransaction.class), call.type());
        Calls.StartTransaction start = assertInstanceOf(Calls.StartTransaction.class, call.body());
        assertEquals(new Calls.StartTransaction("CP-7", 2, "TAG-1", 1000, 5, Instant.parse("2024-05-01T09:59:00Z"),
                start.receivedAt()), start);
        assertReceivedNow(start.receivedAt());

        call.reply(new Calls.StartTransactionReply(42, new TagAuthorization(TagAuthorization.Verdict.ACCEPTED, null, null)));
        assertEquals(json("{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":42}"), answered(answer));
    }

    @Test
    void stopTransactionCarriesItsMeterValuesWithTheSpecificationsDefaults() throws Exception {
        CompletableFuture<Object> answer = handle("StopTransaction", """
                {"idTag":"TAG-1","meterStop":2500,"timestamp":"2024-05-01T11:00:00Z","transactionId":42,
                 "reason":"EVDisconnected","transactionData":[{"timestamp":"2024-05-01T10:59:00Z",
                 "sampledValue":[{"value":"2500"}]}]}""");
        SentCall call = cms.onlyCall();
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.StopTransaction.class), call.type());
        Calls.StopTransaction stop = assertInstanceOf(Calls.StopTransaction.class, call.body());
        assertEquals(new Calls.StopTransaction("CP-7", 42, "TAG-1", 2500, Instant.parse("2024-05-01T11:00:00Z"),
                "EVDisconnected", List.of(new MeterSample(Instant.parse("2024-05-01T10:59:00Z"), "2500",
                "Sample.Periodic", "Raw", "Energy.Active.Import.Register", null, "Outlet", "Wh")),
                stop.receivedAt()), stop);
        assertReceivedNow(stop.receivedAt());

        call.reply(new Calls.StopTransactionReply(new TagAuthorization(TagAuthorization.Verdict.BLOCKED, null, null)));
        assertEquals(json("{\"idTagInfo\":{\"status\":\"Blocked\"}}"), answered(answer));
    }

    @Test
    void stopTransactionWithoutTagReasonOrDataIsAnsweredWithoutIdTagInfo() throws Exception {
        CompletableFuture<Object> answer = handle("StopTransaction", """
                {"meterStop":2500,"timestamp":"2024-05-01T11:00:00Z","transactionId":42}""");
        Calls.StopTransaction stop = assertInstanceOf(Calls.StopTransaction.class, cms.onlyCall().body());
        assertNull(stop.idTag());
        assertNull(stop.reason(), "no reason: the specification's default Local is the CMS's to apply");
        assertEquals(List.of(), stop.transactionData());

        cms.onlyCall().reply(new Calls.StopTransactionReply(null));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, answered(answer));
    }

    @ParameterizedTest
    @CsvSource({"ACCEPTED,Accepted", "REJECTED,Rejected", "UNKNOWN_MESSAGE_ID,UnknownMessageId",
            "UNKNOWN_VENDOR_ID,UnknownVendorId"})
    void dataTransferIsAnsweredByTheCms(Calls.DataTransferOutcome status, String wire) throws Exception {
        CompletableFuture<Object> answer = handle("DataTransfer", """
                {"vendorId":"com.example","messageId":"price","data":"{\\"a\\":1}"}""");
        SentCall call = cms.onlyCall();
        assertEquals(Contract.callType(org.opencsms.api.messaging.Calls.DataTransfer.class), call.type());
        Calls.DataTransfer transfer = assertInstanceOf(Calls.DataTransfer.class, call.body());
        assertEquals(new Calls.DataTransfer("CP-7", "com.example", "price", "{\"a\":1}", transfer.receivedAt()),
                transfer);
        call.reply(new Calls.DataTransferReply(status, "0.25"));
        assertEquals(json("{\"status\":\"%s\",\"data\":\"0.25\"}".formatted(wire)), answered(answer));
    }

    @Test
    void aCmsThatFailsOrDoesNotAnswerLeavesTheChargerUnanswered() throws Exception {
        CompletableFuture<Object> answer = handle("Heartbeat", "{}");
        TimeoutException late = new TimeoutException("no answer");
        cms.onlyCall().fail(late);
        assertSame(late, failure(answer), "a failure, never a made-up CALLRESULT");
    }

    // ---- events: answered once the broker has them ------------------------------------------------

    @Test
    void statusNotificationIsPublishedAndAnsweredOnceTheBrokerHasIt() throws Exception {
        CompletableFuture<Object> answer = handle("StatusNotification", """
                {"connectorId":1,"errorCode":"GroundFailure","status":"Faulted","info":"earth leak",
                 "vendorId":"com.example","vendorErrorCode":"E42","timestamp":"2024-05-01T10:00:00Z"}""");
        assertTrue(cms.calls.isEmpty(), "an event, not a call");
        SentEvent event = cms.onlyEvent();
        assertEquals(Contract.eventType(org.opencsms.api.messaging.Events.StatusChanged.class), event.type());
        assertEquals("CP-7", event.chargePointId());
        Events.StatusChanged status = assertInstanceOf(Events.StatusChanged.class, event.body());
        assertEquals(new Events.StatusChanged("CP-7", 1, "Faulted", "GroundFailure", "earth leak", "com.example",
                "E42", T, status.receivedAt()), status);
        assertReceivedNow(status.receivedAt());
        assertFalse(answer.isDone(), "not answered before the broker has the event");

        event.confirm();
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, answered(answer));
    }

    @Test
    void anEventTheBrokerDidNotTakeIsNotAnswered() throws Exception {
        CompletableFuture<Object> answer = handle("StatusNotification", """
                {"connectorId":0,"errorCode":"NoError","status":"Available"}""");
        IllegalStateException refused = new IllegalStateException("broker down");
        cms.onlyEvent().fail(refused);
        assertSame(refused, failure(answer));
    }

    @Test
    void meterValuesAreFlattenedIntoSamplesWithTheSpecificationsDefaults() throws Exception {
        CompletableFuture<Object> answer = handle("MeterValues", """
                {"connectorId":1,"transactionId":17,"meterValue":[
                  {"timestamp":"2024-05-01T10:00:00Z","sampledValue":[
                    {"value":"1500"},
                    {"value":"230.1","context":"Sample.Clock","format":"SignedData","measurand":"Voltage",
                     "phase":"L1-N","location":"Inlet","unit":"V"}]},
                  {"timestamp":"2024-05-01T10:01:00Z","sampledValue":[{"value":"1510","unit":"kWh"}]}]}""");
        SentEvent event = cms.onlyEvent();
        assertEquals(Contract.eventType(org.opencsms.api.messaging.Events.MeterValuesReported.class), event.type());
        Events.MeterValuesReported reported = assertInstanceOf(Events.MeterValuesReported.class, event.body());
        Instant t2 = Instant.parse("2024-05-01T10:01:00Z");
        assertEquals(new Events.MeterValuesReported("CP-7", 1, 17, List.of(
                new MeterSample(T, "1500", "Sample.Periodic", "Raw", "Energy.Active.Import.Register", null, "Outlet",
                        "Wh"),
                new MeterSample(T, "230.1", "Sample.Clock", "SignedData", "Voltage", "L1-N", "Inlet", "V"),
                new MeterSample(t2, "1510", "Sample.Periodic", "Raw", "Energy.Active.Import.Register", null, "Outlet",
                        "kWh")), reported.receivedAt()), reported);
        assertFalse(answer.isDone());
        event.confirm();
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, answered(answer));
    }

    @Test
    void diagnosticsAndFirmwareStatusArePublished() throws Exception {
        CompletableFuture<Object> diagnostics = handle("DiagnosticsStatusNotification", "{\"status\":\"UploadFailed\"}");
        CompletableFuture<Object> firmware = handle("FirmwareStatusNotification", "{\"status\":\"InstallationFailed\"}");
        assertTrue(cms.calls.isEmpty());
        assertEquals(2, cms.events.size());
        SentEvent d = cms.events.get(0);
        SentEvent f = cms.events.get(1);
        assertEquals(Contract.eventType(org.opencsms.api.messaging.Events.DiagnosticsStatusChanged.class), d.type());
        assertEquals("UploadFailed", ((Events.DiagnosticsStatusChanged) d.body()).status());
        assertEquals("CP-7", ((Events.DiagnosticsStatusChanged) d.body()).chargePointId());
        assertEquals(Contract.eventType(org.opencsms.api.messaging.Events.FirmwareStatusChanged.class), f.type());
        assertEquals("InstallationFailed", ((Events.FirmwareStatusChanged) f.body()).status());
        assertEquals("CP-7", ((Events.FirmwareStatusChanged) f.body()).chargePointId());
        d.confirm();
        f.confirm();
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, answered(diagnostics));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, answered(firmware));
    }

    @Test
    void anEventHeldTooLongByAFullBacklogIsRefusedWithInternalErrorAndNotPublished() throws Exception {
        handler.backlog = Backlogs.overLimit(timers, Duration.ofMillis(150));
        CompletableFuture<Object> answer = handle("StatusNotification", """
                {"connectorId":1,"errorCode":"NoError","status":"Charging"}""");
        OcppException e = assertInstanceOf(OcppException.class, failure(answer));
        assertEquals("InternalError", wireCode(e));
        assertTrue(cms.events.isEmpty(), "nothing published that the charger is told was refused");
    }

    // ---- refused before anything reaches the CMS ---------------------------------------------------

    @Test
    void anUnknownActionIsNotImplementedAndACentralSystemActionNotSupported() {
        OcppException unknown = assertThrows(OcppException.class, () -> handle("FlyToTheMoon", "{}"));
        assertEquals("NotImplemented", wireCode(unknown));
        OcppException lowerCase = assertThrows(OcppException.class, () -> handle("heartbeat", "{}"));
        assertEquals("NotImplemented", wireCode(lowerCase), "action names are case-sensitive");
        // Reset is an OCPP 1.6 action, but one the central system sends, not a charge point
        OcppException reset = assertThrows(OcppException.class, () -> handle("Reset", "{\"type\":\"Soft\"}"));
        assertEquals("NotSupported", wireCode(reset));
        assertTrue(cms.calls.isEmpty());
        assertTrue(cms.events.isEmpty());
    }

    /** The OCPP-J 1.6 error codes for payloads that break the action's schema (section 4.2.3). */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Authorize | {\"idTag\":12} | TypeConstraintViolation",
            "Authorize | {\"idTag\":\"TAG\",\"colour\":\"red\"} | FormationViolation",
            "StartTransaction | {\"connectorId\":1,\"meterStart\":0,\"timestamp\":\"2024-05-01T10:00:00Z\"} | OccurenceConstraintViolation",
            "StatusNotification | {\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"} | PropertyConstraintViolation",
            "MeterValues | {\"connectorId\":1,\"meterValue\":[]} | OccurenceConstraintViolation",
            "Heartbeat | {\"now\":true} | FormationViolation"})
    void anInvalidPayloadIsRefusedWithTheSpecificationsCode(String action, String payload, String code) {
        OcppException e = assertThrows(OcppException.class, () -> handle(action, payload));
        assertEquals(code, wireCode(e), e::description);
        assertTrue(cms.calls.isEmpty());
        assertTrue(cms.events.isEmpty());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
