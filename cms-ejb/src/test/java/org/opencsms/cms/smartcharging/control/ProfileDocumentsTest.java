package org.opencsms.cms.smartcharging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.IntFunction;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.CmsException;
import org.opencsms.cms.smartcharging.control.ProfileDocuments.ProfileInput;
import org.opencsms.ocpp.v16.ChargingProfilePurposeType;

/** Profiles as the API takes them, checked by the protocol's codec, and stored profiles named by RemoteStartTransaction. */
class ProfileDocumentsTest {
    private static final String SCHEDULE = """
            "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}""";
    private static final String PROFILE = """
            {"description":"night","stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile",
             "chargingProfileKind":"Recurring","recurrencyKind":"Daily",%s}""".formatted(SCHEDULE);

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void aValidProfileIsReadWithItsDescription() {
        ProfileInput input = ProfileDocuments.read(PROFILE, null);
        assertEquals("night", input.description());
        assertEquals(ChargingProfilePurposeType.TX_DEFAULT_PROFILE, input.profile().chargingProfilePurpose());
        assertEquals(1, input.profile().stackLevel());
        assertEquals(new BigDecimal("16.0"), input.profile().chargingSchedule().chargingSchedulePeriod().get(0).limit());
    }

    @Test
    void theDocumentCarriesTheAssignedIdAndNoDescription() {
        JsonObject document = ProfileDocuments.document(ProfileDocuments.read(PROFILE, null).profile(), 42);
        assertEquals(42, document.getInt("chargingProfileId"));
        assertEquals("Daily", document.getString("recurrencyKind"));
        assertTrue(!document.containsKey("description") && !document.containsKey("transactionId"), document.toString());
    }

    @Test
    void schemaViolationsAreListedAsForCommands() {
        CmsException e = assertThrows(CmsException.class, () -> ProfileDocuments.read("""
                {"stackLevel":-1,"chargingProfilePurpose":"Whatever","chargingProfileKind":"Absolute",
                 "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[]},"extra":1}""", null));
        assertEquals(CmsException.Reason.INVALID, e.kind());
        String all = String.join("\n", e.violations());
        assertTrue(all.contains("stackLevel"), all);
        assertTrue(all.contains("chargingProfilePurpose"), all);
        assertTrue(all.contains("chargingSchedule.chargingSchedulePeriod"), all);
        assertTrue(all.contains("extra"), all);
    }

    @Test
    void idsAreTheCsmsToAssignAndTransactionsTheCommandsToName() {
        assertThrows(CmsException.class, () -> ProfileDocuments.read(PROFILE.replaceFirst("\\{", "{\"chargingProfileId\":3,"), null));
        assertThrows(CmsException.class, () -> ProfileDocuments.read(PROFILE.replaceFirst("\\{", "{\"id\":3,"), null));
        assertThrows(CmsException.class, () -> ProfileDocuments.read(PROFILE.replaceFirst("\\{", "{\"transactionId\":3,"), null));
        // an update may repeat the profile's own id (what GET shows can be PUT back), not another
        assertEquals("night", ProfileDocuments.read(PROFILE.replaceFirst("\\{", "{\"id\":3,\"chargingProfileId\":3,"), 3).description());
        assertThrows(CmsException.class, () -> ProfileDocuments.read(PROFILE.replaceFirst("\\{", "{\"id\":4,"), 3));
    }

    @Test
    void aDescriptionIsOptionalTextOfBoundedLength() {
        assertNull(ProfileDocuments.read(PROFILE.replace("\"night\"", "null"), null).description());
        assertThrows(CmsException.class, () -> ProfileDocuments.read(PROFILE.replace("\"night\"", "7"), null));
        assertThrows(CmsException.class, () -> ProfileDocuments.read(PROFILE.replace("night", "n".repeat(256)), null));
        assertThrows(CmsException.class, () -> ProfileDocuments.read("[]", null));
    }

    private static final JsonObject TX = json("""
            {"chargingProfileId":7,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Relative",%s}"""
            .formatted(SCHEDULE));
    private static final IntFunction<Optional<JsonObject>> LIBRARY = id -> switch (id) {
        case 7 -> Optional.of(TX);
        case 8 -> Optional.of(json(TX.toString().replace("\"TxProfile\"", "\"TxDefaultProfile\"")));
        default -> Optional.empty();
    };

    @Test
    void remoteStartNamingAStoredTxProfileGetsItInline() {
        String sent = ProfileDocuments.withStoredProfile("RemoteStartTransaction",
                "{\"connectorId\":1,\"idTag\":\"T1\",\"chargingProfileId\":7}", LIBRARY);
        assertEquals(json("{\"connectorId\":1,\"idTag\":\"T1\",\"chargingProfile\":" + TX + "}"), json(sent));
    }

    @Test
    void remoteStartNamingAnUnknownOrOtherProfileOrBothIsInvalid() {
        for (String payload : new String[] {"{\"idTag\":\"T1\",\"chargingProfileId\":99}",
                "{\"idTag\":\"T1\",\"chargingProfileId\":8}", "{\"idTag\":\"T1\",\"chargingProfileId\":\"7\"}",
                "{\"idTag\":\"T1\",\"chargingProfileId\":7,\"chargingProfile\":" + TX + "}"}) {
            CmsException e = assertThrows(CmsException.class,
                    () -> ProfileDocuments.withStoredProfile("RemoteStartTransaction", payload, LIBRARY), payload);
            assertEquals(CmsException.Reason.INVALID, e.kind());
            assertTrue(e.violations().get(0).startsWith("chargingProfileId: "), e.violations().toString());
        }
    }

    @Test
    void otherPayloadsAreLeftAsTheyAre() {
        String inline = "{\"idTag\":\"T1\",\"chargingProfile\":" + TX + "}";
        assertSame(inline, ProfileDocuments.withStoredProfile("RemoteStartTransaction", inline, LIBRARY));
        assertSame("not json", ProfileDocuments.withStoredProfile("RemoteStartTransaction", "not json", LIBRARY));
        String other = "{\"chargingProfileId\":7}";
        assertSame(other, ProfileDocuments.withStoredProfile("Reset", other, LIBRARY));
    }
}
