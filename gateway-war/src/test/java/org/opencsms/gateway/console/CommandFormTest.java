package org.opencsms.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.ocpp.OcppVersion;

class CommandFormTest {
    /** The central system's commands of OCPP 1.6 (specification, section 5). */
    @Test
    void everyCentralSystemCommandOfOcpp16HasAForm() {
        List<String> actions = CommandForm.actions(OcppVersion.OCPP16);
        assertEquals(List.of("CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
                "ClearChargingProfile", "DataTransfer", "GetCompositeSchedule", "GetConfiguration", "GetDiagnostics",
                "GetLocalListVersion", "RemoteStartTransaction", "RemoteStopTransaction", "ReserveNow", "Reset",
                "SendLocalList", "SetChargingProfile", "TriggerMessage", "UnlockConnector", "UpdateFirmware"), actions);
    }

    @Test
    void remoteStartAsksForTheTagFirstAndOffersTheOptionalFields() {
        List<CommandForm.Field> fields = CommandForm.fields(OcppVersion.OCPP16, "RemoteStartTransaction");
        assertEquals("idTag", fields.get(0).name());
        assertTrue(fields.get(0).required());
        assertEquals(20, fields.get(0).maxLength());
        CommandForm.Field connector = fields.stream().filter(f -> f.name().equals("connectorId")).findFirst().orElseThrow();
        assertEquals(CommandForm.Kind.NUMBER, connector.kind());
        assertFalse(connector.required());
        CommandForm.Field profile = fields.stream().filter(f -> f.name().equals("chargingProfile")).findFirst().orElseThrow();
        assertEquals(CommandForm.Kind.JSON, profile.kind());
    }

    @Test
    void resetOffersTheSpecificationsTypes() {
        CommandForm.Field type = CommandForm.fields(OcppVersion.OCPP16, "Reset").get(0);
        assertEquals(CommandForm.Kind.CHOICE, type.kind());
        assertEquals(List.of("Hard", "Soft"), type.options());
    }

    @Test
    void thePayloadHasTypedValuesAndLeavesEmptyOptionalFieldsOut() throws Exception {
        List<CommandForm.Field> fields = CommandForm.fields(OcppVersion.OCPP16, "RemoteStartTransaction");
        Map<String, String> values = new HashMap<>(Map.of("idTag", " TAG-1 ", "connectorId", "2",
                "chargingProfile", ""));
        JsonObject payload = Json.createReader(new StringReader(CommandForm.payload(fields, values))).readObject();
        assertEquals("TAG-1", payload.getString("idTag"));
        assertEquals(2, payload.getInt("connectorId"));
        assertFalse(payload.containsKey("chargingProfile"));
    }

    @Test
    void missingRequiredFieldsAndBadNumbersOrJsonAreRefusedBeforeSending() {
        List<CommandForm.Field> fields = CommandForm.fields(OcppVersion.OCPP16, "RemoteStartTransaction");
        assertThrows(CommandForm.InvalidInput.class, () -> CommandForm.payload(fields, Map.of()));
        assertThrows(CommandForm.InvalidInput.class,
                () -> CommandForm.payload(fields, Map.of("idTag", "T", "connectorId", "one")));
        assertThrows(CommandForm.InvalidInput.class,
                () -> CommandForm.payload(fields, Map.of("idTag", "T", "chargingProfile", "{not json")));
    }

    @Test
    void nestedStructuresAreTakenAsJson() throws Exception {
        List<CommandForm.Field> fields = CommandForm.fields(OcppVersion.OCPP16, "ChangeConfiguration");
        String payload = CommandForm.payload(fields, Map.of("key", "HeartbeatInterval", "value", "60"));
        assertEquals("{\"key\":\"HeartbeatInterval\",\"value\":\"60\"}", payload);
    }
}
