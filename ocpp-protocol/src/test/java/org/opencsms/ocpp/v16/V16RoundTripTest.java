package org.opencsms.ocpp.v16;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencsms.ocpp.ActionDef;
import org.opencsms.ocpp.Call;
import org.opencsms.ocpp.CallResult;
import org.opencsms.ocpp.Direction;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppException;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sample under ocpp16/samples ({@code <Action>.req[.variant].json} / {@code <Action>.conf[.variant].json}) survives parse -> record -> write. */
class V16RoundTripTest {

    private static final Pattern SAMPLE = Pattern.compile("([A-Za-z]+)\\.(req|conf)(\\.[a-z0-9-]+)?\\.json");
    private static final OcppCodec CODEC = new OcppCodec(V16.REGISTRY);

    static Path samplesDir() throws URISyntaxException {
        return Paths.get(V16RoundTripTest.class.getResource("/ocpp16/samples").toURI());
    }

    static Stream<String> samples() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(samplesDir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            return names.stream();
        }
    }

    private static Class<?> typeOf(String sample) {
        Matcher m = SAMPLE.matcher(sample);
        assertTrue(m.matches(), "sample file name not of the form <Action>.req|conf[.variant].json: " + sample);
        // DataTransfer has the same types in both directions, so any direction's definition will do
        ActionDef<?, ?> def = V16.REGISTRY.find(m.group(1), Direction.CHARGER_TO_CSMS)
                .or(() -> V16.REGISTRY.find(m.group(1), Direction.CSMS_TO_CHARGER))
                .orElseThrow(() -> new AssertionError("sample for an unknown action: " + sample));
        return m.group(2).equals("req") ? def.requestType() : def.responseType();
    }

    private static JsonObject read(String sample) throws IOException, URISyntaxException {
        try (JsonReader r = Json.createReader(Files.newBufferedReader(samplesDir().resolve(sample)))) {
            return r.readObject();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void payloadRoundTrips(String sample) throws Exception {
        Class<?> type = typeOf(sample);
        JsonObject original = read(sample);

        Object record = CODEC.readPayload(type, original);

        assertInstanceOf(type, record);
        assertEquals(original, CODEC.writePayload(record));
        assertEquals(List.of(), CODEC.validate(record));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void frameRoundTrips(String sample) throws Exception {
        Class<?> type = typeOf(sample);
        JsonObject original = read(sample);
        Object record = CODEC.readPayload(type, original);
        String action = sample.substring(0, sample.indexOf('.'));
        String id = OcppCodec.newMessageId();

        if (sample.contains(".req")) {
            Call call = assertInstanceOf(Call.class, CODEC.parse(CODEC.call(id, action, record)));
            assertEquals(id, call.messageId());
            assertEquals(action, call.action());
            assertEquals(original, call.payload());
        } else {
            CallResult result = assertInstanceOf(CallResult.class, CODEC.parse(CODEC.callResult(id, record)));
            assertEquals(id, result.messageId());
            assertEquals(original, result.payload());
        }
    }

    @Test
    void everyActionHasRequestAndResponseSamples() throws Exception {
        Set<String> files = samples().collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (ActionDef<?, ?> def : V16.REGISTRY.all()) {
            for (String kind : List.of(".req.json", ".conf.json")) {
                if (!files.contains(def.name() + kind)) {
                    missing.add(def.name() + kind);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everySampleNamesARegisteredAction() throws Exception {
        samples().forEach(V16RoundTripTest::typeOf);
    }

    @Test
    void registryHasExactlyTheOcpp16Actions() {
        Set<String> expected = new TreeSet<>();
        for (String a : List.of("Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification",
                "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification",
                "StopTransaction")) {
            expected.add("CHARGER_TO_CSMS " + a);
        }
        for (String a : List.of("CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
                "ClearChargingProfile", "DataTransfer", "GetCompositeSchedule", "GetConfiguration", "GetDiagnostics",
                "GetLocalListVersion", "RemoteStartTransaction", "RemoteStopTransaction", "ReserveNow", "Reset",
                "SendLocalList", "SetChargingProfile", "TriggerMessage", "UnlockConnector", "UpdateFirmware")) {
            expected.add("CSMS_TO_CHARGER " + a);
        }
        Set<String> actual = V16.REGISTRY.all().stream()
                .map(d -> d.direction() + " " + d.name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        // 28 operations; DataTransfer is registered once per direction, so 29 (action, direction) pairs
        assertEquals(29, V16.REGISTRY.all().size());
        assertEquals(28, V16.REGISTRY.all().stream().map(ActionDef::name).distinct().count());
    }

    @Test
    void typesFollowTheNamingConvention() {
        for (ActionDef<?, ?> def : V16.REGISTRY.all()) {
            assertEquals(def.name() + "Request", def.requestType().getSimpleName());
            assertEquals(def.name() + "Response", def.responseType().getSimpleName());
            assertTrue(def.requestType().isRecord() && def.responseType().isRecord());
        }
    }

    @Test
    void everyTypedConstantIsInTheRegistry() throws IllegalAccessException {
        Set<Object> registered = new HashSet<>(V16.REGISTRY.all());
        int constants = 0;
        for (Field f : V16.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == ActionDef.class) {
                Object def = f.get(null);
                assertNotNull(def, f.getName());
                assertTrue(registered.contains(def), f.getName() + " is not registered");
                constants++;
            }
        }
        assertEquals(V16.REGISTRY.all().size(), constants);
    }

    @Test
    void dataTransferStringIsNotAnObject() {
        // 1.6 DataTransfer.data is a string: vendors must serialise their JSON into it
        JsonObject payload = Json.createObjectBuilder()
                .add("vendorId", "com.example")
                .add("data", Json.createObjectBuilder().add("price", 1))
                .build();
        OcppException e = org.junit.jupiter.api.Assertions.assertThrows(OcppException.class,
                () -> CODEC.readPayload(DataTransferRequest.class, payload));
        assertEquals(List.of("data: expected string"), e.violations());
    }
}
