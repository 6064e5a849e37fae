package org.opencsms.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargingProfileView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.IdTagView;
import org.opencsms.api.cms.InstalledProfileView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.cms.authorization.boundary.IdTagService;
import org.opencsms.cms.chargepoint.boundary.BootInfo;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.smartcharging.boundary.ChargingProfileService;
import org.opencsms.cms.smartcharging.boundary.InstalledProfiles;
import org.opencsms.cms.transaction.boundary.StartReport;
import org.opencsms.cms.transaction.boundary.StopReport;
import org.opencsms.cms.transaction.boundary.TransactionService;

/**
 * The charging profile library ({@link ChargingProfileService}) and the record of installed profiles
 * ({@link InstalledProfiles}) with what ends them: a clear, the end of a TxProfile's transaction, a
 * reboot. In Payara Micro against its embedded H2; every test on charge points and profiles of its own.
 */
class ChargingProfilesIT extends CmsDeployment {
    private static final String SCHEDULE = """
            "chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}""";

    @EJB
    ChargingProfileService library;
    @EJB
    InstalledProfiles installed;
    @EJB
    ChargePointAdmin admin;
    @EJB
    ChargePointActivity activity;
    @EJB
    TransactionService transactions;
    @EJB
    IdTagService idTags;

    private static String profile(String description, String purpose, int stackLevel) {
        return """
                {"description":"%s","stackLevel":%d,"chargingProfilePurpose":"%s","chargingProfileKind":"Relative",%s}"""
                .formatted(description, stackLevel, purpose, SCHEDULE);
    }

    private int stored(String purpose, int stackLevel) {
        return library.create(profile(uniqueId("p"), purpose, stackLevel)).id();
    }

    private String chargePoint() {
        String id = uniqueId("SC");
        admin.register(new NewChargePoint(id, null, null));
        return id;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /** "profileId@connector" of the charge point's records, in the listed order. */
    private List<String> onChargePoint(String chargePointId) {
        return installed.list(chargePointId).stream().map(i -> i.profileId() + "@" + i.connectorId()).toList();
    }

    // ---- the library --------------------------------------------------------------------------------

    @Test
    void aCreatedProfileGetsItsIdAsChargingProfileIdAndIsFoundAsStored() {
        String description = uniqueId("night");
        ChargingProfileView created = library.create(profile(description, "TxDefaultProfile", 2));

        assertEquals(description, created.description());
        assertEquals(created.id(), created.chargingProfile().getInt("chargingProfileId"));
        assertEquals(json(SCHEDULE.replaceFirst("^\"chargingSchedule\":", "")), created.chargingProfile()
                .getJsonObject("chargingSchedule"));
        assertEquals(created, library.find(created.id()).orElseThrow());
        assertTrue(stored("TxProfile", 0) > created.id(), "ids ascend");
    }

    @Test
    void theListFiltersByDescriptionCaseInsensitivelyAndPages() {
        String tag = uniqueId("Lib");
        int a = library.create(profile(tag + " one", "TxDefaultProfile", 0)).id();
        int b = library.create(profile("two " + tag.toUpperCase(java.util.Locale.ROOT), "TxDefaultProfile", 0)).id();
        library.create(profile("other", "TxDefaultProfile", 0));

        assertEquals(List.of(a, b), library.list(tag.toLowerCase(java.util.Locale.ROOT), 0, 50).stream()
                .map(ChargingProfileView::id).toList());
        assertEquals(List.of(b), library.list(tag, 1, 1).stream().map(ChargingProfileView::id).toList());
        assertEquals(List.of(), library.list("%", 0, 50), "% is a character, not a wildcard");
    }

    @Test
    void anUpdateReplacesTheProfileAndKeepsItsId() {
        int id = stored("TxDefaultProfile", 0);
        ChargingProfileView updated = library.update(id, profile("changed", "ChargePointMaxProfile", 3)
                .replaceFirst("\\{", "{\"id\":" + id + ","));

        assertEquals("changed", updated.description());
        assertEquals("ChargePointMaxProfile", updated.chargingProfile().getString("chargingProfilePurpose"));
        assertEquals(id, updated.chargingProfile().getInt("chargingProfileId"));
        assertEquals(updated, library.find(id).orElseThrow());
    }

    @Test
    void invalidProfilesAreRefusedWithTheirViolations() {
        CmsException e = assertThrows(CmsException.class, () -> library.create(profile("x", "Sometimes", -1)));
        assertEquals(Reason.INVALID, e.kind());
        assertEquals(2, e.violations().size(), e.violations().toString());
        int id = stored("TxDefaultProfile", 0);
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> library.update(id, "{}")).kind());
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class,
                () -> library.update(Integer.MAX_VALUE, profile("x", "TxProfile", 0))).kind());
    }

    @Test
    void aDeletedProfileIsGoneAndAnInstalledOneCannotBeDeleted() {
        int free = stored("TxDefaultProfile", 0);
        assertTrue(library.delete(free));
        assertTrue(library.find(free).isEmpty());
        assertFalse(library.delete(free));

        String cp = chargePoint();
        int busy = stored("TxDefaultProfile", 0);
        installed.installed(cp, 1, busy, null, 1);
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class, () -> library.delete(busy)).kind());
        installed.cleared(cp, busy, null, null, null);
        assertTrue(library.delete(busy));
    }

    @Test
    void aRemoteStartNamingAStoredTxProfileGetsTheProfile() {
        int tx = stored("TxProfile", 0);
        String payload = library.withStoredProfile("ocpp1.6", "RemoteStartTransaction",
                "{\"idTag\":\"T\",\"chargingProfileId\":" + tx + "}");
        assertEquals(library.find(tx).orElseThrow().chargingProfile(), json(payload).getJsonObject("chargingProfile"));
        int other = stored("TxDefaultProfile", 0);
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> library.withStoredProfile("ocpp1.6",
                "RemoteStartTransaction", "{\"idTag\":\"T\",\"chargingProfileId\":" + other + "}")).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> library.withStoredProfile("ocpp1.6",
                "RemoteStartTransaction", "{\"idTag\":\"T\",\"chargingProfileId\":" + Integer.MAX_VALUE + "}")).kind());
    }

    // ---- installed profiles -------------------------------------------------------------------------

    @Test
    void anAcceptedProfileIsRecordedAndReplacesWhatItReplaces() {
        String cp = chargePoint();
        int a = stored("TxDefaultProfile", 0);
        int b = stored("TxDefaultProfile", 0);
        int max = stored("ChargePointMaxProfile", 0);

        installed.installed(cp, 1, a, null, 11);
        installed.installed(cp, 0, max, null, 12);
        installed.installed(cp, 2, a, null, 13);
        assertEquals(List.of(max + "@0", a + "@2"), onChargePoint(cp), "the same id moved to connector 2");
        installed.installed(cp, 2, b, null, 14);
        assertEquals(List.of(max + "@0", b + "@2"), onChargePoint(cp), "same purpose and stack level on connector 2");

        InstalledProfileView record = installed.list(cp).get(1);
        assertEquals("TxDefaultProfile", record.chargingProfilePurpose());
        assertEquals(14, record.commandId());
        assertTrue(record.installedAt().isAfter(Instant.now().minusSeconds(60)));
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class, () -> installed.list(uniqueId("NOPE"))).kind());
    }

    @Test
    void aClearRemovesTheMatchingRecords() {
        String cp = chargePoint();
        int a = stored("TxDefaultProfile", 0);
        int b = stored("TxDefaultProfile", 1);
        int max = stored("ChargePointMaxProfile", 0);
        installed.installed(cp, 1, a, null, 1);
        installed.installed(cp, 1, b, null, 2);
        installed.installed(cp, 0, max, null, 3);

        assertEquals(1, installed.cleared(cp, null, 1, "TxDefaultProfile", 1));
        assertEquals(List.of(max + "@0", a + "@1"), onChargePoint(cp));
        assertEquals(1, installed.cleared(cp, max, 5, null, null), "by id whatever the other criteria");
        assertEquals(0, installed.cleared(cp, null, 0, null, null));
        assertEquals(1, installed.cleared(cp, null, null, null, null));
        assertEquals(List.of(), onChargePoint(cp));
    }

    @Test
    void theEndOfTheTransactionEndsItsTxProfilesAndARebootEndsAll() {
        String cp = chargePoint();
        String tag = uniqueId("t");
        idTags.create(new IdTagView(tag, null, null, null, true));
        int txId = transactions.start(new StartReport(cp, 1, tag, 0, null, Instant.now(), Instant.now()))
                .transactionId();
        int forTx = stored("TxProfile", 0);
        int forConnector = stored("TxProfile", 1);
        int onOther = stored("TxProfile", 2);
        int byDefault = stored("TxDefaultProfile", 0);
        installed.installed(cp, 1, forTx, txId, 1);
        installed.installed(cp, 1, forConnector, null, 2);
        installed.installed(cp, 2, onOther, null, 3);
        installed.installed(cp, 1, byDefault, null, 4);

        transactions.stop(new StopReport(cp, txId, tag, 100, Instant.now(), "Local", null, Instant.now()));
        assertEquals(List.of(byDefault + "@1", onOther + "@2"), onChargePoint(cp));

        activity.boot(cp, new BootInfo("ACME", "Box", null, null, null, null, null, null, null));
        assertEquals(List.of(), onChargePoint(cp));
    }

    @Test
    void aDeletedChargePointTakesItsRecordsAlong() {
        String cp = chargePoint();
        int a = stored("TxDefaultProfile", 0);
        installed.installed(cp, 1, a, null, 1);
        assertTrue(admin.delete(cp));
        assertEquals(0, installed.countOf(a));
        assertTrue(library.delete(a));
    }
}
