package org.opencsms.cms.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConnectorView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.api.messaging.Calls.Boot;
import org.opencsms.api.cms.HandshakeDecision;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.cms.chargepoint.boundary.BootDecision;
import org.opencsms.cms.chargepoint.boundary.BootDecision.Admission;
import org.opencsms.cms.chargepoint.boundary.BootInfo;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.chargepoint.boundary.ConnectorReport;
import org.opencsms.cms.chargepoint.boundary.NodeHealth;
import org.opencsms.cms.platform.Settings;

/**
 * The charge point administration ({@link ChargePointAdmin}) and what chargers ask and tell
 * ({@link ChargePointActivity}), in Payara Micro against its embedded H2, migrated by Flyway. Runs
 * in-container; every test works on charge points of its own.
 */
class ChargePointsIT extends CmsDeployment {
    private static final String AUTO_REGISTER = "CSMS_AUTO_REGISTER";

    @EJB
    ChargePointAdmin admin;

    @EJB
    ChargePointActivity activity;
    @EJB
    org.opencsms.cms.command.boundary.CommandRecords commandRecords;
    @EJB
    org.opencsms.api.cms.ChargePointCredentials credentials;

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    // ---- registration -------------------------------------------------------------------------

    @Test
    void registeredChargePointIsFoundWithDefaults() {
        String id = uniqueId("reg");
        ChargePointView registered = admin.register(new NewChargePoint(id, null, null));
        assertEquals(id, registered.id());

        ChargePointView found = admin.find(id).orElseThrow();
        assertAll(
                () -> assertEquals(id, found.id()),
                () -> assertEquals(0, found.securityProfile()),
                () -> assertFalse(found.connected()),
                () -> assertTrue(found.connectors().isEmpty()),
                () -> assertNull(found.registrationStatus()),
                () -> assertNull(found.vendor()),
                () -> assertNull(found.lastSeen()));
    }

    @Test
    void registeredWithPasswordAndProfileTwo() {
        String id = uniqueId("reg2");
        admin.register(new NewChargePoint(id, "s3cret-key-0123456", 2));
        assertEquals(2, admin.find(id).orElseThrow().securityProfile());
    }

    @Test
    void listShowsRegisteredChargePointsOrderedById() {
        String b = uniqueId("list-b");
        String a = uniqueId("list-a");
        admin.register(new NewChargePoint(b, null, null));
        admin.register(new NewChargePoint(a, null, null));

        List<String> ids = admin.list().stream().map(ChargePointView::id)
                .filter(id -> id.equals(a) || id.equals(b)).toList();
        assertEquals(List.of(a, b), ids);
    }

    @Test
    void duplicateIdIsAConflictAndKeepsTheFirst() {
        String id = uniqueId("dup");
        admin.register(new NewChargePoint(id, null, null));

        CmsException e = assertThrows(CmsException.class, () -> admin.register(new NewChargePoint(id, "pw", 2)));
        assertEquals(Reason.CONFLICT, e.kind());
        assertEquals(0, admin.find(id).orElseThrow().securityProfile());
        assertNull(passwordHash(id));
    }

    @Test
    void invalidIdsAreRefused() {
        String longest = "L" + "x".repeat(47);
        for (String bad : new String[] {"", "   ", longest + "y", "with space", "slash/no", "é"}) {
            CmsException e = assertThrows(CmsException.class, () -> admin.register(new NewChargePoint(bad, null, null)),
                    "id '" + bad + "'");
            assertEquals(Reason.INVALID, e.kind(), "id '" + bad + "'");
            assertTrue(admin.find(bad).isEmpty(), "id '" + bad + "'");
        }
        CmsException nullId = assertThrows(CmsException.class, () -> admin.register(new NewChargePoint(null, null, null)));
        assertEquals(Reason.INVALID, nullId.kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> admin.register(null)).kind());

        // the limits themselves are allowed: 48 characters and every special character of the rule
        String allowed = longest.substring(0, 40) + uniqueId("").substring(1);
        assertEquals(48, allowed.length());
        admin.register(new NewChargePoint(allowed, null, null));
        assertTrue(admin.find(allowed).isPresent());
        String specials = uniqueId("*-_=:+|@.");
        admin.register(new NewChargePoint(specials, null, null));
        assertTrue(admin.find(specials).isPresent());
    }

    @Test
    void invalidPasswordsAndProfilesAreRefusedAndNothingIsRegistered() {
        String id = uniqueId("inv");
        assertInvalid(new NewChargePoint(id, "", null));
        assertInvalid(new NewChargePoint(id, "p".repeat(41), null));
        assertInvalid(new NewChargePoint(id, "pw", 3));
        assertInvalid(new NewChargePoint(id, "pw", 0));
        assertInvalid(new NewChargePoint(id, null, 2));
        assertTrue(admin.find(id).isEmpty());

        admin.register(new NewChargePoint(id, "p".repeat(40), 2));
        assertTrue(admin.find(id).isPresent());
    }

    @Test
    void deleteRemovesOnce() {
        String id = uniqueId("del");
        admin.register(new NewChargePoint(id, null, null));
        report(status(id, 1, "Available", "NoError", Instant.now()));
        assertEquals(1, connectorRows(id));

        assertTrue(admin.delete(id));
        assertTrue(admin.find(id).isEmpty());
        assertEquals(0, connectorRows(id));
        assertFalse(admin.delete(id));
        assertFalse(admin.delete(uniqueId("never")));
    }

    @Test
    void deletedIdCanBeRegisteredAgain() {
        String id = uniqueId("again");
        admin.register(new NewChargePoint(id, "first", null));
        assertTrue(admin.delete(id));
        admin.register(new NewChargePoint(id, null, null));
        assertNull(passwordHash(id));
    }

    // ---- BootNotification ---------------------------------------------------------------------

    @Test
    void bootOfRegisteredChargePointIsAcceptedAndRecorded() {
        String id = uniqueId("boot");
        admin.register(new NewChargePoint(id, null, null));
        Instant before = Instant.now();

        BootDecision reply = booted(boot(id));

        Instant after = Instant.now();
        assertEquals(Admission.ACCEPTED, reply.status());
        assertTrue(reply.interval() > 0);
        assertEquals(Settings.heartbeatInterval(), reply.interval());
        assertBetween(before, reply.currentTime(), after);

        ChargePointView cp = admin.find(id).orElseThrow();
        assertAll(
                () -> assertEquals("ACCEPTED", cp.registrationStatus()),
                () -> assertEquals("ACME", cp.vendor()),
                () -> assertEquals("Wallbox 22", cp.model()),
                () -> assertEquals("SN-" + id.substring(id.length() - 8), cp.serialNumber()),
                () -> assertEquals("1.2.3", cp.firmwareVersion()),
                () -> assertNotNull(cp.lastSeen()),
                () -> assertBetween(before, cp.lastSeen(), after),
                () -> assertEquals(0, cp.securityProfile()),
                () -> assertFalse(cp.connected()));
    }

    @Test
    void secondBootOverwritesTheDescription() {
        String id = uniqueId("reboot");
        admin.register(new NewChargePoint(id, null, null));
        booted(boot(id));
        booted(new Boot(id, "ACME", "Wallbox 11", null, null, "2.0.0", null, null, null, null));

        ChargePointView cp = admin.find(id).orElseThrow();
        assertEquals("Wallbox 11", cp.model());
        assertEquals("2.0.0", cp.firmwareVersion());
        assertNull(cp.serialNumber());
    }

    @Test
    void bootOfUnknownChargePointIsRejectedAndRegistersNothing() {
        String id = uniqueId("unknown");
        withAutoRegister("false", () -> {
            BootDecision reply = booted(boot(id));
            assertEquals(Admission.REJECTED, reply.status());
            assertTrue(reply.interval() > 0);
            assertNotNull(reply.currentTime());
        });
        assertTrue(admin.find(id).isEmpty());
    }

    @Test
    void bootOfUnknownChargePointWithAutoRegisterRegistersIt() {
        String id = uniqueId("auto");
        withAutoRegister("true", () -> assertEquals(Admission.ACCEPTED, booted(boot(id)).status()));

        ChargePointView cp = admin.find(id).orElseThrow();
        assertEquals(0, cp.securityProfile());
        assertEquals("ACCEPTED", cp.registrationStatus());
        assertEquals("ACME", cp.vendor());
        assertNull(passwordHash(id));
    }

    // ---- handshake authentication -------------------------------------------------------------

    @Test
    void unknownChargePointMayConnectWithoutCredentialsOnly() {
        String id = uniqueId("anon");
        assertEquals(HandshakeDecision.ACCEPT, decide(id, null, false));
        // credentials for an id nobody registered are refused like a wrong password
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, "whatever", true));
        assertTrue(admin.find(id).isEmpty());
    }

    @Test
    void aMinimumSecurityProfileRefusesChargePointsBelowIt() {
        String open = uniqueId("p0");
        admin.register(new NewChargePoint(open, null, null));
        String basic = uniqueId("p1");
        admin.register(new NewChargePoint(basic, "0123456789abcdef", null));
        String tls = uniqueId("p2");
        admin.register(new NewChargePoint(tls, "0123456789abcdef", 2));
        // CSMS_MIN_SECURITY_PROFILE=1: profile 0 and unregistered ids are refused
        assertEquals(HandshakeDecision.UNAUTHORIZED, credentials.check(open, null, true, 1).decision());
        assertEquals(HandshakeDecision.UNAUTHORIZED, credentials.check(uniqueId("anon"), null, true, 1).decision());
        assertEquals(HandshakeDecision.ACCEPT, credentials.check(basic, "0123456789abcdef", false, 1).decision());
        // =2: profile 1 too
        assertEquals(HandshakeDecision.UNAUTHORIZED, credentials.check(basic, "0123456789abcdef", true, 2).decision());
        assertEquals(HandshakeDecision.ACCEPT, credentials.check(tls, "0123456789abcdef", true, 2).decision());
        // =0 (the default): all of them, each with what its profile asks for
        assertEquals(HandshakeDecision.ACCEPT, credentials.check(open, null, false, 0).decision());
        assertEquals(HandshakeDecision.INSECURE_TRANSPORT, credentials.check(tls, "0123456789abcdef", false, 0).decision());
    }

    @Test
    void chargePointWithoutPasswordIsAccepted() {
        String id = uniqueId("nopw");
        admin.register(new NewChargePoint(id, null, null));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, null, false));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, null, true));
    }

    @Test
    void chargePointWithPasswordNeedsTheRightOne() {
        String id = uniqueId("pw");
        String password = "AuthKey-0123456789";
        admin.register(new NewChargePoint(id, password, null));

        assertEquals(HandshakeDecision.ACCEPT, decide(id, password, false));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, password, true));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, "AuthKey-0123456788", false));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, "", false));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, null, false));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, null, true));
    }

    @Test
    void profileTwoNeedsTlsAndThePassword() {
        String id = uniqueId("tls");
        String password = "AuthKey-TLS-42";
        admin.register(new NewChargePoint(id, password, 2));

        assertEquals(HandshakeDecision.INSECURE_TRANSPORT, decide(id, password, false));
        assertEquals(HandshakeDecision.INSECURE_TRANSPORT, decide(id, null, false));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, password, true));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, "wrong", true));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, null, true));
    }

    @Test
    void passwordIsStoredAsSaltedHash() {
        String first = uniqueId("hash");
        String second = uniqueId("hash");
        String password = "AuthKey-Same-Password";
        admin.register(new NewChargePoint(first, password, null));
        admin.register(new NewChargePoint(second, password, null));

        String hash = passwordHash(first);
        assertNotNull(hash);
        assertNotEquals(password, hash);
        assertFalse(hash.contains(password));
        assertTrue(hash.startsWith("pbkdf2-sha256$"), hash);
        assertNotEquals(hash, passwordHash(second), "same password, same hash: no salt");
    }

    // ---- StatusNotification -------------------------------------------------------------------

    @Test
    void statusOfConnectorsIsShownOrdered() {
        String id = uniqueId("status");
        admin.register(new NewChargePoint(id, null, null));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        report(status(id, 1, "Faulted", "GroundFailure", t));
        report(status(id, 0, "Available", "NoError", t));

        List<ConnectorView> connectors = admin.find(id).orElseThrow().connectors();
        assertEquals(List.of(0, 1), connectors.stream().map(ConnectorView::connectorId).toList());
        assertEquals("Available", connectors.get(0).status());
        assertEquals("NoError", connectors.get(0).errorCode());
        assertEquals("Faulted", connectors.get(1).status());
        assertEquals("GroundFailure", connectors.get(1).errorCode());
        assertEquals(t, connectors.get(1).statusTime());
    }

    @Test
    void olderStatusDoesNotOverwriteNewer() {
        String id = uniqueId("order");
        admin.register(new NewChargePoint(id, null, null));
        Instant newer = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant older = newer.minusSeconds(10);

        report(status(id, 1, "Charging", "NoError", newer));
        report(status(id, 1, "Available", "NoError", older));

        ConnectorView c = admin.find(id).orElseThrow().connectors().get(0);
        assertEquals("Charging", c.status());
        assertEquals(newer, c.statusTime());

        Instant newest = newer.plusSeconds(1);
        report(status(id, 1, "Finishing", "NoError", newest));
        c = admin.find(id).orElseThrow().connectors().get(0);
        assertEquals("Finishing", c.status());
        assertEquals(newest, c.statusTime());
        assertEquals(1, connectorRows(id));
    }

    @Test
    void sameStatusEventTwiceIsAppliedOnce() {
        String id = uniqueId("twice");
        admin.register(new NewChargePoint(id, null, null));
        StatusChanged event = status(id, 2, "Preparing", "NoError", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        report(event);
        report(event);

        List<ConnectorView> connectors = admin.find(id).orElseThrow().connectors();
        assertEquals(1, connectors.size());
        assertEquals(2, connectors.get(0).connectorId());
        assertEquals("Preparing", connectors.get(0).status());
        assertEquals(1, connectorRows(id));
    }

    @Test
    void statusWithoutTimestampTakesTheReceptionTime() {
        String id = uniqueId("notime");
        admin.register(new NewChargePoint(id, null, null));
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        report(new StatusChanged(id, 1, "Available", "NoError", null, null, null, null, received));

        ChargePointView cp = admin.find(id).orElseThrow();
        assertEquals(received, cp.connectors().get(0).statusTime());
        assertEquals(received, cp.lastSeen());
    }

    @Test
    void statusOfUnknownChargePointIsIgnored() {
        String id = uniqueId("ghost");
        report(status(id, 1, "Available", "NoError", Instant.now()));
        assertTrue(admin.find(id).isEmpty());
        assertEquals(0, connectorRows(id));
    }

    // ---- sessions and gateway nodes -----------------------------------------------------------

    @Test
    void openedSessionOnLiveNodeIsConnected() {
        String id = uniqueId("conn");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant now = Instant.now();

        activity.sessionOpened(id, node, "s1", "ocpp1.6", now);
        activity.nodeAlive(node, now, null);

        ChargePointView cp = admin.find(id).orElseThrow();
        assertTrue(cp.connected());
        assertEquals("ocpp1.6", cp.ocppVersion());
    }

    @Test
    void aCommandNoNodeWaitsForAnyMoreIsClosedAsTimeoutBySweep() {
        String id = uniqueId("cmd");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant now = Instant.now();
        activity.sessionOpened(id, node, "s1", "ocpp1.6", now);
        activity.nodeAlive(node, now, null);
        long open = commandRecords.open(id, "ClearCache", "{}", "admin").commandId();
        assertNull(commandRecords.history(id, 0, 10).get(0).outcome(), "open until answered");

        // the sweep closes what was sent before its cutoff, once, and nothing newer
        commandRecords.expireOpenBefore(java.time.OffsetDateTime.now().minusMinutes(5));
        assertNull(commandRecords.history(id, 0, 10).get(0).outcome(), "sent after the cutoff: still open");
        assertTrue(commandRecords.expireOpenBefore(java.time.OffsetDateTime.now().plusSeconds(1)) >= 1);
        org.opencsms.api.cms.CommandView closed = commandRecords.history(id, 0, 10).get(0);
        assertEquals(open, closed.id());
        assertEquals("TIMEOUT", closed.outcome());
        assertNotNull(closed.completedAt());

        // a late answer does not overwrite what was recorded first
        commandRecords.completed(open, org.opencsms.api.messaging.CommandResult.of(
                org.opencsms.api.messaging.CommandResult.Outcome.RESULT, null));
        assertEquals("TIMEOUT", commandRecords.history(id, 0, 10).get(0).outcome());
    }

    @Test
    void closingTheCurrentSessionDisconnects() {
        String id = uniqueId("close");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant now = Instant.now();
        activity.sessionOpened(id, node, "s1", "ocpp1.6", now);
        activity.nodeAlive(node, now, null);
        assertTrue(admin.find(id).orElseThrow().connected());

        activity.sessionClosed(id, "s1", now.plusMillis(5));

        assertFalse(admin.find(id).orElseThrow().connected());
    }

    @Test
    void closingAReplacedSessionKeepsTheNewOne() {
        String id = uniqueId("replace");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant t = Instant.now();
        activity.sessionOpened(id, node, "old", "ocpp1.6", t.minusSeconds(2));
        activity.sessionOpened(id, node, "new", "ocpp1.6", t);

        activity.sessionClosed(id, "old", t.plusMillis(1));

        assertTrue(admin.find(id).orElseThrow().connected());
        activity.sessionClosed(id, "new", t.plusMillis(2));
        assertFalse(admin.find(id).orElseThrow().connected());
    }

    @Test
    void olderSessionOpenedAfterNewerOneDoesNotReplaceIt() {
        String id = uniqueId("late");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant t = Instant.now();
        activity.sessionOpened(id, node, "new", "ocpp1.6", t);
        activity.sessionOpened(id, node, "old", "ocpp1.6", t.minusSeconds(2));

        activity.sessionClosed(id, "old", t.plusMillis(1));
        assertTrue(admin.find(id).orElseThrow().connected());
    }

    @Test
    void sessionClosedBeforeItsOpenedLeavesItDisconnected() {
        String id = uniqueId("reorder");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant t = Instant.now();
        activity.nodeAlive(node, t, null);

        activity.sessionClosed(id, "s1", t.plusMillis(10));
        activity.sessionOpened(id, node, "s1", "ocpp1.6", t);

        assertFalse(admin.find(id).orElseThrow().connected());
    }

    @Test
    void restartedNodeClearsItsEarlierSessions() {
        String id = uniqueId("restart");
        String other = uniqueId("stay");
        String node = uniqueId("node");
        String otherNode = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        admin.register(new NewChargePoint(other, null, null));
        Instant now = Instant.now();
        activity.sessionOpened(id, node, "s1", "ocpp1.6", now.minusSeconds(5));
        activity.sessionOpened(other, otherNode, "s2", "ocpp1.6", now.minusSeconds(5));
        activity.nodeAlive(node, now.minusSeconds(4), null);
        assertTrue(admin.find(id).orElseThrow().connected());

        // an announcement without startedAt changes nothing
        activity.nodeAlive(node, now.minusSeconds(3), null);
        assertTrue(admin.find(id).orElseThrow().connected());

        activity.nodeAlive(node, now, now.minusSeconds(1));

        assertFalse(admin.find(id).orElseThrow().connected());
        assertTrue(admin.find(other).orElseThrow().connected(), "a session on another node is kept");
    }

    @Test
    void sessionOpenedAfterNodeStartSurvivesTheStartAnnouncement() {
        String id = uniqueId("fresh");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant now = Instant.now();
        activity.sessionOpened(id, node, "s1", "ocpp1.6", now.minusSeconds(1));

        activity.nodeAlive(node, now, now.minusSeconds(2));

        assertTrue(admin.find(id).orElseThrow().connected());
    }

    /** Regression: an old session's open event, processed after its node announced a restart. */
    @Test
    void sessionOpenedBeforeTheNodeRestartedIsNotRecordedWhenProcessedLate() {
        String id = uniqueId("late-open");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant now = Instant.now();
        activity.nodeAlive(node, now, now.minusSeconds(1));

        activity.sessionOpened(id, node, "s-old", "ocpp1.6", now.minusSeconds(10));

        assertFalse(admin.find(id).orElseThrow().connected());
        activity.sessionOpened(id, node, "s-new", "ocpp1.6", now);
        assertTrue(admin.find(id).orElseThrow().connected());
    }

    /** Regression: an event without a reception time (not sent by our gateway) is still stored. */
    @Test
    void statusWithoutAnyTimeIsStoredAtProcessingTime() {
        String id = uniqueId("notime");
        admin.register(new NewChargePoint(id, null, null));
        Instant before = Instant.now();
        report(new StatusChanged(id, 1, "Available", "NoError", null, null, null, null, null));
        ConnectorView c = admin.find(id).orElseThrow().connectors().get(0);
        assertEquals("Available", c.status());
        assertFalse(c.statusTime().isBefore(before.minusMillis(1)));
    }

    @Test
    void sessionOnSilentNodeDoesNotCount() {
        String id = uniqueId("stale");
        String node = uniqueId("node");
        admin.register(new NewChargePoint(id, null, null));
        Instant longAgo = Instant.now().minusSeconds(Settings.nodeStaleAfter() + 60L);

        activity.sessionOpened(id, node, "s1", "ocpp1.6", longAgo);

        assertFalse(admin.find(id).orElseThrow().connected());
        activity.nodeAlive(node, Instant.now(), null);
        assertTrue(admin.find(id).orElseThrow().connected());
    }

    @Test
    void sessionOfUnknownChargePointIsIgnored() {
        String id = uniqueId("nobody");
        String node = uniqueId("node");
        activity.sessionOpened(id, node, "s1", "ocpp1.6", Instant.now());
        activity.sessionClosed(id, "s1", Instant.now());
        assertTrue(admin.find(id).isEmpty());
    }

    // ---- Heartbeat and readiness --------------------------------------------------------------

    @Test
    void heartbeatUpdatesLastSeen() throws InterruptedException {
        String id = uniqueId("hb");
        admin.register(new NewChargePoint(id, null, null));
        assertNull(admin.find(id).orElseThrow().lastSeen());
        Instant before = Instant.now();

        Instant first = activity.heartbeat(id);

        assertBetween(before, first, Instant.now());
        Instant seen = admin.find(id).orElseThrow().lastSeen();
        assertNotNull(seen);
        assertEquals(first.truncatedTo(ChronoUnit.MILLIS), seen.truncatedTo(ChronoUnit.MILLIS));

        Thread.sleep(20);
        Instant second = activity.heartbeat(id);
        Instant seenAgain = admin.find(id).orElseThrow().lastSeen();
        assertTrue(seenAgain.isAfter(seen), seenAgain + " after " + seen);
        assertEquals(second.truncatedTo(ChronoUnit.MILLIS), seenAgain.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void heartbeatOfUnknownChargePointIsAnsweredAndRegistersNothing() {
        String id = uniqueId("hb-unknown");
        assertNotNull(activity.heartbeat(id));
        assertTrue(admin.find(id).isEmpty());
    }

    @Test
    void pingReportsTheDatabaseUpAndWhetherTheNodesEventsArrived() {
        String node = uniqueId("node");
        NodeHealth before = activity.ping(node);
        assertTrue(before.databaseUp());
        assertFalse(before.eventsFromNode(), "no event of this node stored yet");
        activity.nodeAlive(node, Instant.now(), Instant.now());
        assertTrue(activity.ping(node).eventsFromNode());
    }

    @Test
    void schemaWasMigratedByFlyway() {
        Number applied = (Number) em.createNativeQuery(
                "select count(*) from \"flyway_schema_history\" where \"success\" = true and \"version\" = '1'")
                .getSingleResult();
        assertEquals(1, applied.intValue());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private void assertInvalid(NewChargePoint request) {
        CmsException e = assertThrows(CmsException.class, () -> admin.register(request), request.toString());
        assertEquals(Reason.INVALID, e.kind(), request.toString());
    }

    private HandshakeDecision decide(String id, String password, boolean secure) {
        return credentials.check(id, password, secure, 0).decision();
    }

    private String passwordHash(String id) {
        return em.createQuery("select c.passwordHash from ChargePoint c where c.identity = :id", String.class)
                .setParameter("id", id).getSingleResult();
    }

    private long connectorRows(String id) {
        return em.createQuery("select count(c) from Connector c where c.chargePoint.identity = :id", Long.class)
                .setParameter("id", id).getSingleResult();
    }

    /** A boot as the gateway reports it, given to the domain operation the way the event listener does. */
    private BootDecision booted(Boot b) {
        return activity.boot(b.chargePointId(), new BootInfo(b.vendor(), b.model(), b.serialNumber(),
                b.chargeBoxSerialNumber(), b.firmwareVersion(), b.iccid(), b.imsi(), b.meterType(), b.meterSerialNumber()));
    }

    /** A StatusNotification as the gateway reports it, given to the domain operation the way the event listener does. */
    private void report(StatusChanged e) {
        activity.statusChanged(e.chargePointId(), new ConnectorReport(e.connectorId(), e.status(), e.errorCode(), e.info(),
                e.vendorId(), e.vendorErrorCode(), e.timestamp()), e.receivedAt());
    }

    private static Boot boot(String id) {
        return new Boot(id, "ACME", "Wallbox 22", "SN-" + id.substring(id.length() - 8), "CB-1", "1.2.3",
                "8931", "2620", "Meter", "M-1");
    }

    private static StatusChanged status(String id, int connector, String status, String errorCode, Instant at) {
        return new StatusChanged(id, connector, status, errorCode, null, null, null, at, Instant.now());
    }

    /** Within [before, after], allowing for the database keeping fewer fractional digits. */
    private static void assertBetween(Instant before, Instant actual, Instant after) {
        assertNotNull(actual);
        Duration slack = Duration.ofMillis(1);
        assertFalse(actual.isBefore(before.minus(slack)), actual + " before " + before);
        assertFalse(actual.isAfter(after.plus(slack)), actual + " after " + after);
    }

    private static void withAutoRegister(String value, Runnable body) {
        String previous = System.getProperty(AUTO_REGISTER);
        System.setProperty(AUTO_REGISTER, value);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty(AUTO_REGISTER);
            } else {
                System.setProperty(AUTO_REGISTER, previous);
            }
        }
    }
}
