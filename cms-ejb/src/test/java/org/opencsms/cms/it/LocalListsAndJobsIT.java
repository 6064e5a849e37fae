package org.opencsms.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointConfigurations;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConfigurationKeyView;
import org.opencsms.api.cms.ConfigurationView;
import org.opencsms.api.cms.IdTagAdmin;
import org.opencsms.api.cms.IdTagView;
import org.opencsms.api.cms.LocalListRequest;
import org.opencsms.api.cms.LocalListUpdateView;
import org.opencsms.api.cms.LocalListView;
import org.opencsms.api.cms.MaintenanceJobView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.CommandResult.Outcome;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.command.boundary.CommandRecords;
import org.opencsms.cms.firmware.boundary.FirmwareJobRecords;
import org.opencsms.cms.firmware.boundary.FirmwareJobRecords.JobRequest;
import org.opencsms.cms.locallist.boundary.LocalListRecords;
import org.opencsms.cms.locallist.boundary.LocalListRecords.Prepared;
import org.opencsms.cms.locallist.control.LocalListBuilder.TagState;

/**
 * Local list building and versioning, firmware and diagnostics job transitions, and the configuration a
 * GetConfiguration answer leaves, on the records beans (the operations that send need the broker; the
 * end-to-end tests in the ear drive those): in Payara Micro against its embedded H2.
 */
class LocalListsAndJobsIT extends CmsDeployment {
    @EJB
    ChargePointAdmin admin;
    @EJB
    ChargePointActivity activity;
    @EJB
    IdTagAdmin idTags;
    @EJB
    LocalListRecords lists;
    @EJB
    FirmwareJobRecords jobs;
    @EJB
    CommandRecords commands;
    @EJB
    ChargePointConfigurations configurations;

    private String connectedChargePoint(String prefix) {
        String id = uniqueId(prefix);
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant now = Instant.now();
        activity.sessionOpened(id, node, "s1", "ocpp1.6", now);
        activity.nodeAlive(node, now, null);
        return id;
    }

    private String tag(String status, Instant expiry, String parent) {
        String tag = "L" + java.util.UUID.randomUUID().toString().substring(0, 8);
        idTags.create(new IdTagView(tag, status, expiry, parent, false));
        return tag;
    }

    private static CommandResult answer(String payload) {
        return new CommandResult(Outcome.RESULT, payload, null, null, null);
    }

    private static JsonArray entries(Prepared prepared) {
        return Json.createReader(new StringReader(prepared.payload())).readObject().getJsonArray("localAuthorizationList");
    }

    private static Map<String, JsonObject> byTag(JsonArray entries) {
        return entries.stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(o -> o.getString("idTag"), o -> o));
    }

    // ---- local lists --------------------------------------------------------------------------------

    @Test
    void fullThenDifferentialCarriesTheBlockedExpiredAndDeletedTags() {
        String cp = connectedChargePoint("ll");
        String keep = tag("Accepted", null, null);
        String toBlock = tag("Accepted", null, null);
        String toExpire = tag("Accepted", Instant.now().plus(1, ChronoUnit.DAYS), "PARENT");
        String toDelete = tag("Accepted", null, null);

        Prepared full = lists.prepare(cp, new LocalListRequest("Full", List.of(keep, toBlock, toExpire, toDelete), null),
                "admin");
        assertEquals(1, full.listVersion(), "the first version of a charge point");
        Map<String, JsonObject> sent = byTag(entries(full));
        assertEquals(4, sent.size());
        assertEquals("Accepted", sent.get(toBlock).getJsonObject("idTagInfo").getString("status"));
        assertEquals("PARENT", sent.get(toExpire).getJsonObject("idTagInfo").getString("parentIdTag"));
        assertNull(lists.view(cp, 0, 10).confirmedVersion(), "not confirmed before the answer");

        LocalListUpdateView accepted = lists.completed(full.updateId(), 11L, answer("{\"status\":\"Accepted\"}"), full);
        assertEquals("Accepted", accepted.status());
        assertTrue(accepted.confirmed());
        assertEquals(11L, accepted.commandId());
        LocalListView afterFull = lists.view(cp, 0, 10);
        assertEquals(1, afterFull.confirmedVersion());
        assertEquals(4, afterFull.entries());

        idTags.update(toBlock, new IdTagView(null, "Blocked", null, null, false));
        idTags.update(toExpire, new IdTagView(null, "Accepted", Instant.now().minusSeconds(60), "PARENT", false));
        idTags.delete(toDelete);

        // naming only the kept tag: the tags that changed on the charge point's list come along
        Prepared diff = lists.prepare(cp, new LocalListRequest("Differential", List.of(keep.toLowerCase()), null), "admin");
        assertEquals(2, diff.listVersion());
        Map<String, JsonObject> changes = byTag(entries(diff));
        assertEquals(4, changes.size(), changes.toString());
        assertEquals("Blocked", changes.get(toBlock).getJsonObject("idTagInfo").getString("status"));
        assertEquals("Expired", changes.get(toExpire).getJsonObject("idTagInfo").getString("status"));
        assertFalse(changes.get(toDelete).containsKey("idTagInfo"), "a deleted tag is sent without idTagInfo");
        assertEquals("Accepted", changes.get(keep).getJsonObject("idTagInfo").getString("status"));
        LocalListUpdateView diffView = lists.completed(diff.updateId(), 12L, answer("{\"status\":\"Accepted\"}"), diff);
        assertEquals(3, diffView.entries());
        assertEquals(1, diffView.removals());

        LocalListView after = lists.view(cp, 0, 10);
        assertEquals(2, after.confirmedVersion());
        assertEquals("SendLocalList", after.confirmedBy());
        assertEquals(3, after.entries(), "the deleted tag left the list");
        assertEquals(List.of(2, 1), after.updates().stream().map(LocalListUpdateView::listVersion).toList(),
                "newest first");
        Map<String, TagState> held = lists.held(cp);
        assertEquals("Blocked", held.get(TagState.key(toBlock)).status());

        // nothing changed since: a differential of the same tag carries just that one
        Prepared again = lists.prepare(cp, new LocalListRequest("Differential", List.of(keep), null), "admin");
        assertEquals(1, entries(again).size());
    }

    @Test
    void versionMismatchTimeoutAndCallErrorConfirmNothing() {
        String cp = connectedChargePoint("llv");
        String t = tag("Accepted", null, null);
        Prepared first = lists.prepare(cp, new LocalListRequest("Full", List.of(t), null), "admin");
        lists.completed(first.updateId(), 1L, answer("{\"status\":\"Accepted\"}"), first);

        idTags.update(t, new IdTagView(null, "Blocked", null, null, false));
        Prepared mismatch = lists.prepare(cp, new LocalListRequest("Differential", List.of(), null), "admin");
        assertEquals(1, entries(mismatch).size(), "the blocked tag, though no tag is named");
        LocalListUpdateView v = lists.completed(mismatch.updateId(), 2L, answer("{\"status\":\"VersionMismatch\"}"),
                mismatch);
        assertEquals("RESULT", v.outcome());
        assertEquals("VersionMismatch", v.status());
        assertFalse(v.confirmed());

        Prepared timedOut = lists.prepare(cp, new LocalListRequest("Differential", List.of(), null), "admin");
        assertEquals(3, timedOut.listVersion(), "versions go on past an unconfirmed one");
        LocalListUpdateView timeout = lists.completed(timedOut.updateId(), 3L,
                CommandResult.of(Outcome.TIMEOUT, "no answer within 35 s"), timedOut);
        assertEquals("TIMEOUT", timeout.outcome());
        assertNull(timeout.status());
        assertEquals("no answer within 35 s", timeout.errorDescription());
        // a late answer does not change what was recorded first
        assertEquals("TIMEOUT", lists.completed(timedOut.updateId(), 3L, answer("{\"status\":\"Accepted\"}"), timedOut)
                .outcome());

        Prepared failed = lists.prepare(cp, new LocalListRequest("Differential", List.of(), null), "admin");
        LocalListUpdateView callError = lists.completed(failed.updateId(), 4L,
                new CommandResult(Outcome.CALL_ERROR, null, "NotSupported", "no lists here", "{}"), failed);
        assertEquals("NotSupported", callError.errorCode());

        LocalListView view = lists.view(cp, 0, 10);
        assertEquals(1, view.confirmedVersion());
        assertEquals("Accepted", lists.held(cp).get(TagState.key(t)).status(), "the held list is unchanged");
        assertEquals(4, view.updates().size());
    }

    @Test
    void explicitVersionsAndVersionReads() {
        String cp = connectedChargePoint("llx");
        String t = tag("Accepted", null, null);
        Prepared explicit = lists.prepare(cp, new LocalListRequest("Full", List.of(t), 40), "admin");
        assertEquals(40, explicit.listVersion());
        assertEquals(40, Json.createReader(new StringReader(explicit.payload())).readObject().getInt("listVersion"));
        lists.completed(explicit.updateId(), 1L, answer("{\"status\":\"Accepted\"}"), explicit);
        assertEquals(41, lists.prepare(cp, new LocalListRequest("Full", List.of(t), null), "admin").listVersion());

        long read = lists.prepareVersionRead(cp, "admin");
        LocalListUpdateView reported = lists.completed(read, 5L, answer("{\"listVersion\":57}"), null);
        assertEquals("GetLocalListVersion", reported.action());
        assertEquals(57, reported.listVersion());
        LocalListView view = lists.view(cp, 0, 10);
        assertEquals(57, view.confirmedVersion());
        assertEquals("GetLocalListVersion", view.confirmedBy());
        assertEquals(58, lists.prepare(cp, new LocalListRequest("Full", List.of(t), null), "admin").listVersion(),
                "next above the version the charge point reported");

        long empty = lists.prepareVersionRead(cp, "admin");
        lists.completed(empty, 6L, answer("{\"listVersion\":0}"), null);
        assertEquals(0, lists.view(cp, 0, 10).entries(), "version 0: the charge point holds no list");
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsRecorded() {
        String cp = connectedChargePoint("llb");
        CmsException unknown = assertThrows(CmsException.class, () -> lists.prepare(cp,
                new LocalListRequest("Full", List.of("NO-SUCH-TAG-1"), null), "admin"));
        assertEquals(Reason.INVALID, unknown.kind());
        assertEquals(List.of("unknown idTag NO-SUCH-TAG-1"), unknown.violations());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> lists.prepare(cp,
                new LocalListRequest("Sometimes", null, null), "admin")).kind());
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class, () -> lists.prepare("NOPE-" + cp,
                new LocalListRequest("Full", List.of(), null), "admin")).kind());
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class, () -> lists.view("NOPE-" + cp, 0, 1)).kind());
        String offline = uniqueId("llo");
        admin.register(new NewChargePoint(offline, null, null));
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class, () -> lists.prepare(offline,
                new LocalListRequest("Full", List.of(), null), "admin")).kind());
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class,
                () -> lists.prepareVersionRead(offline, "admin")).kind());
        assertTrue(lists.view(cp, 0, 10).updates().isEmpty());
    }

    @Test
    void aFullListOfAllTagsCarriesEveryTag() {
        String cp = connectedChargePoint("lla");
        tag("Blocked", null, null);
        Prepared all = lists.prepare(cp, new LocalListRequest("Full", null, null), "admin");
        assertEquals(idTags.list().size(), entries(all).size());
    }

    // ---- firmware and diagnostics jobs --------------------------------------------------------------

    @Test
    void firmwareJobFollowsItsStatusNotificationsUntilInstalled() {
        String cp = connectedChargePoint("fw");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = jobs.prepare(cp, new JobRequest("UpdateFirmware", "https://example.com/fw.bin",
                t.plusSeconds(60), null, null, 2, 30), "admin");
        MaintenanceJobView answered = jobs.completed(id, 21L, answer("{}"));
        assertEquals("RESULT", answered.outcome());
        assertNull(answered.closedAt());

        jobs.firmwareStatus(cp, "Downloading", t.plusSeconds(1));
        jobs.firmwareStatus(cp, "Downloaded", t.plusSeconds(2));
        jobs.firmwareStatus(cp, "Downloaded", t.plusSeconds(2)); // redelivered: stored once
        jobs.firmwareStatus(cp, "Installing", t.plusSeconds(3));
        jobs.diagnosticsStatus(cp, "Uploading", t.plusSeconds(3)); // another kind: not this job's
        jobs.firmwareStatus(cp, "Installed", t.plusSeconds(4));
        jobs.firmwareStatus(cp, "Idle", t.plusSeconds(5)); // after the job closed: the charge point's only

        MaintenanceJobView job = jobs.jobs(cp, "UpdateFirmware", 0, 10).get(0);
        assertEquals("Installed", job.status());
        assertEquals(t.plusSeconds(4), job.closedAt());
        assertEquals(List.of("Installed", "Installing", "Downloaded", "Downloading"),
                job.statusHistory().stream().map(s -> s.status()).toList());
        assertEquals("https://example.com/fw.bin", job.location());
        assertEquals(2, job.retries());
        assertEquals(t.plusSeconds(60), job.retrieveDate());
        assertEquals("Idle", admin.find(cp).orElseThrow().firmwareStatus(), "the charge point's own status goes on");
    }

    @Test
    void statusesGoToTheNewestOpenJobRequestedBeforeThem() {
        String cp = connectedChargePoint("fwn");
        long older = jobs.prepare(cp, new JobRequest("UpdateFirmware", "https://example.com/a", Instant.now(), null,
                null, null, null), "admin");
        jobs.completed(older, 1L, answer("{}"));
        jobs.firmwareStatus(cp, "Downloading", Instant.now().minusSeconds(3600)); // before any job: none's
        long newer = jobs.prepare(cp, new JobRequest("UpdateFirmware", "https://example.com/b", Instant.now(), null,
                null, null, null), "admin");
        jobs.completed(newer, 2L, answer("{}"));
        jobs.firmwareStatus(cp, "DownloadFailed", Instant.now().plusSeconds(1));

        List<MaintenanceJobView> list = jobs.jobs(cp, "UpdateFirmware", 0, 10);
        assertEquals(List.of(newer, older), list.stream().map(MaintenanceJobView::id).toList(), "newest first");
        assertEquals("DownloadFailed", list.get(0).status());
        assertNotNull(list.get(0).closedAt());
        assertTrue(list.get(1).statusHistory().isEmpty());
        assertNull(list.get(1).closedAt());
    }

    @Test
    void diagnosticsJobKeepsTheFileNameAndClosesWhenUploaded() {
        String cp = connectedChargePoint("dg");
        long id = jobs.prepare(cp, new JobRequest("GetDiagnostics", "ftp://example.com/up", null,
                Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"), null, null), "admin");
        assertEquals("diag-1.zip", jobs.completed(id, 1L, answer("{\"fileName\":\"diag-1.zip\"}")).fileName());
        jobs.diagnosticsStatus(cp, "Uploading", Instant.now().plusSeconds(1));
        jobs.diagnosticsStatus(cp, "Uploaded", Instant.now().plusSeconds(2));
        MaintenanceJobView job = jobs.jobs(cp, "GetDiagnostics", 0, 10).get(0);
        assertEquals("Uploaded", job.status());
        assertNotNull(job.closedAt());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), job.startTime());
        assertTrue(jobs.jobs(cp, "UpdateFirmware", 0, 10).isEmpty());

        long none = jobs.prepare(cp, new JobRequest("GetDiagnostics", "ftp://example.com/up", null, null, null,
                null, null), "admin");
        MaintenanceJobView nothing = jobs.completed(none, 2L, answer("{}"));
        assertNull(nothing.fileName());
        assertNotNull(nothing.closedAt(), "no diagnostics to upload: nothing follows");
    }

    @Test
    void reportsHandledOutOfOrderLandOnTheJobThatWasOpenWhenTheyArrived() {
        String cp = connectedChargePoint("dgo");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long id = jobs.prepare(cp, new JobRequest("GetDiagnostics", "ftp://example.com/up", null, null, null, null,
                null), "admin");
        jobs.completed(id, 1L, answer("{\"fileName\":\"diag-2.zip\"}"));
        // sent Uploading then Uploaded; handled the other way round
        jobs.diagnosticsStatus(cp, "Uploaded", t.plusSeconds(2));
        jobs.diagnosticsStatus(cp, "Uploading", t.plusSeconds(1));
        jobs.diagnosticsStatus(cp, "Uploading", t.plusSeconds(3)); // after the close: no longer this job's
        MaintenanceJobView job = jobs.jobs(cp, "GetDiagnostics", 0, 10).get(0);
        assertEquals(List.of("Uploaded", "Uploading"), job.statusHistory().stream().map(s -> s.status()).toList());
        assertEquals("Uploaded", job.status(), "the latest report is the status");
        assertEquals(t.plusSeconds(2), job.closedAt());

        long fw = jobs.prepare(cp, new JobRequest("UpdateFirmware", "https://example.com/fw", Instant.now(), null,
                null, null, null), "admin");
        jobs.completed(fw, 2L, answer("{}"));
        jobs.firmwareStatus(cp, "Installed", t.plusSeconds(9));
        jobs.firmwareStatus(cp, "InstallationFailed", t.plusSeconds(8)); // an earlier final report closes earlier
        jobs.firmwareStatus(cp, "Downloaded", t.plusSeconds(7));
        MaintenanceJobView firmware = jobs.jobs(cp, "UpdateFirmware", 0, 10).get(0);
        assertEquals(List.of("Installed", "InstallationFailed", "Downloaded"),
                firmware.statusHistory().stream().map(s -> s.status()).toList());
        assertEquals("Installed", firmware.status());
        assertEquals(t.plusSeconds(8), firmware.closedAt());
    }

    @Test
    void aJobWhoseCommandFailedIsClosed() {
        String cp = connectedChargePoint("fwf");
        long id = jobs.prepare(cp, new JobRequest("UpdateFirmware", "https://example.com/fw", Instant.now(), null,
                null, null, null), "admin");
        MaintenanceJobView failed = jobs.completed(id, 3L, CommandResult.of(Outcome.TIMEOUT, "no answer"));
        assertEquals("TIMEOUT", failed.outcome());
        assertNotNull(failed.closedAt());
        jobs.firmwareStatus(cp, "Downloading", Instant.now().plusSeconds(1));
        assertTrue(jobs.jobs(cp, "UpdateFirmware", 0, 10).get(0).statusHistory().isEmpty());
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class,
                () -> jobs.jobs("NOPE-" + cp, "UpdateFirmware", 0, 10)).kind());
        String offline = uniqueId("fwo");
        admin.register(new NewChargePoint(offline, null, null));
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class, () -> jobs.prepare(offline,
                new JobRequest("UpdateFirmware", "https://example.com/fw", Instant.now(), null, null, null, null),
                "admin")).kind());
    }

    // ---- configuration ------------------------------------------------------------------------------

    @Test
    void aGetConfigurationAnswerIsStoredAndANamedReadUpdatesItsKeys() {
        String cp = connectedChargePoint("cfg");
        ConfigurationView never = configurations.lastRead(cp);
        assertNull(never.readAt());
        assertTrue(never.keys().isEmpty());

        long all = commands.open(cp, "GetConfiguration", "{}", "admin").commandId();
        commands.completed(all, answer("""
                {"configurationKey":[{"key":"NumberOfConnectors","readonly":true,"value":"2"},
                                     {"key":"HeartbeatInterval","readonly":false,"value":"300"},
                                     {"key":"MeterValueSampleInterval","readonly":false,"value":"60"}]}"""));
        ConfigurationView read = configurations.lastRead(cp);
        assertEquals(all, read.commandId());
        assertNotNull(read.readAt());
        assertEquals(List.of("HeartbeatInterval", "MeterValueSampleInterval", "NumberOfConnectors"),
                read.keys().stream().map(ConfigurationKeyView::key).toList());
        assertTrue(read.keys().get(2).readonly());

        long named = commands.open(cp, "GetConfiguration", "{\"key\":[\"HeartbeatInterval\",\"MeterValueSampleInterval\"]}",
                "admin").commandId();
        commands.completed(named, answer("""
                {"configurationKey":[{"key":"HeartbeatInterval","readonly":false,"value":"60"}],
                 "unknownKey":["MeterValueSampleInterval"]}"""));
        ConfigurationView updated = configurations.lastRead(cp);
        assertEquals(named, updated.commandId());
        assertEquals(Map.of("HeartbeatInterval", "60", "NumberOfConnectors", "2"), updated.keys().stream()
                .collect(Collectors.toMap(ConfigurationKeyView::key, ConfigurationKeyView::value)));

        // an error, another command or a repeated completion stores nothing
        long failed = commands.open(cp, "GetConfiguration", "{}", "admin").commandId();
        commands.completed(failed, new CommandResult(Outcome.CALL_ERROR, null, "InternalError", "busy", "{}"));
        long other = commands.open(cp, "ClearCache", "{}", "admin").commandId();
        commands.completed(other, answer("{\"status\":\"Accepted\"}"));
        commands.completed(named, answer("{\"configurationKey\":[]}"));
        assertEquals(2, configurations.lastRead(cp).keys().size());
        assertEquals(named, configurations.lastRead(cp).commandId());

        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class,
                () -> configurations.lastRead("NOPE-" + cp)).kind());
    }
}
