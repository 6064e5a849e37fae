package org.opencsms.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ActivityView;
import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointCredentials;
import org.opencsms.api.cms.ChargePointOrder;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.ConsoleUserView;
import org.opencsms.api.cms.ConsoleUsers;
import org.opencsms.api.cms.HandshakeDecision;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.api.cms.Overview;
import org.opencsms.api.cms.Overview.DailyEnergy;
import org.opencsms.api.cms.SiteOverview;
import org.opencsms.api.cms.TransactionFilter;
import org.opencsms.api.cms.TransactionQueries;
import org.opencsms.api.cms.TransactionView;
import org.opencsms.cms.activity.boundary.ActivityLog;
import org.opencsms.cms.activity.entity.Activity;
import org.opencsms.cms.chargepoint.boundary.BootInfo;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.chargepoint.boundary.ConnectorReport;
import org.opencsms.cms.platform.Times;
import org.opencsms.cms.transaction.boundary.StartReport;
import org.opencsms.cms.transaction.boundary.StopReport;
import org.opencsms.cms.transaction.boundary.TransactionService;

/**
 * What the admin console reads and changes: charge point search, paging and credentials
 * ({@link ChargePointAdmin}), transaction search ({@link TransactionQueries}), console users
 * ({@link ConsoleUsers}), the activity feed and the site overview ({@link SiteOverview}), in Payara Micro
 * against its embedded H2. Every test works on charge points, tags and users of its own; the overview's
 * counts are site-wide, so its test compares them before and after its own changes.
 */
class ConsoleIT extends CmsDeployment {
    @EJB
    ChargePointAdmin admin;
    @EJB
    ChargePointActivity activity;
    @EJB
    ChargePointCredentials credentials;
    @EJB
    TransactionService transactions;
    @EJB
    TransactionQueries queries;
    @EJB
    ConsoleUsers users;
    @EJB
    SiteOverview site;
    @EJB
    ActivityLog activityLog;

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    // ---- charge point search ------------------------------------------------------------------

    @Test
    void searchFindsIdVendorAndModelCaseInsensitivelyAndCounts() {
        String marker = uniqueId("find");
        String a = marker + "-a";
        String b = marker + "-b";
        String c = marker + "-c";
        for (String id : List.of(c, a, b)) {
            admin.register(new NewChargePoint(id, null, null));
        }
        String vendor = "V" + uniqueId("").substring(1); // 9 characters, unique
        String model = "M" + uniqueId("").substring(1);
        boot(a, vendor, "Wallbox", "1.0");
        boot(b, "ACME", model, "1.0");

        assertEquals(List.of(a, b, c), ids(admin.search(marker, ChargePointOrder.ID, true, 0, 10)));
        assertEquals(3, admin.count(marker));
        assertEquals(List.of(a, b, c), ids(admin.search(marker.toUpperCase(Locale.ROOT), ChargePointOrder.ID, true, 0, 10)));
        assertEquals(3, admin.count("  " + marker.toUpperCase(Locale.ROOT) + " "));

        // by vendor (any case, any part of it)
        assertEquals(List.of(a), ids(admin.search(vendor.substring(2).toLowerCase(Locale.ROOT), null, true, 0, 10)));
        assertEquals(1, admin.count(vendor.toLowerCase(Locale.ROOT)));
        // by model
        assertEquals(List.of(b), ids(admin.search(model.toLowerCase(Locale.ROOT), ChargePointOrder.ID, true, 0, 10)));
        assertEquals(1, admin.count(model.substring(3)));

        // null or blank: everything
        assertEquals(admin.count(null), admin.count("   "));
        assertTrue(admin.count(null) >= 3);
        assertEquals(0, admin.count(uniqueId("none")));
    }

    @Test
    void searchTextIsNeverAPattern() {
        String marker = uniqueId("lit");
        admin.register(new NewChargePoint(marker + "-1", null, null));
        admin.register(new NewChargePoint(marker + "-2", null, null));
        assertEquals(2, admin.count(marker));

        // LIKE's wildcards and the escape character are matched as themselves
        assertEquals(0, admin.count("%" + marker));
        assertEquals(0, admin.count(marker.replace('-', '_')));
        assertEquals(0, admin.count(marker + "%"));
        assertEquals(0, admin.count("!" + marker));
        assertEquals(0, admin.count(marker + "' or '1'='1"));
        assertTrue(admin.search("%", ChargePointOrder.ID, true, 0, 10).isEmpty());
    }

    @Test
    void searchOrdersByEachColumnBothWaysWithNeverReportedLast() throws InterruptedException {
        String marker = uniqueId("ord");
        String a = marker + "-a";
        String b = marker + "-b";
        String c = marker + "-c";
        for (String id : List.of(a, b, c)) {
            admin.register(new NewChargePoint(id, null, null));
        }
        boot(a, "Zeta", "M1", "1");
        Thread.sleep(5);
        boot(b, "Alpha", "M2", "1");
        // c never booted: no vendor, model nor last-seen time

        assertEquals(List.of(c, b, a), ids(admin.search(marker, ChargePointOrder.ID, false, 0, 10)));
        assertEquals(List.of(b, a, c), ids(admin.search(marker, ChargePointOrder.VENDOR, true, 0, 10)));
        assertEquals(List.of(a, b, c), ids(admin.search(marker, ChargePointOrder.VENDOR, false, 0, 10)));
        assertEquals(List.of(a, b, c), ids(admin.search(marker, ChargePointOrder.MODEL, true, 0, 10)));
        assertEquals(List.of(b, a, c), ids(admin.search(marker, ChargePointOrder.MODEL, false, 0, 10)));
        assertEquals(List.of(a, b, c), ids(admin.search(marker, ChargePointOrder.LAST_SEEN, true, 0, 10)));
        assertEquals(List.of(b, a, c), ids(admin.search(marker, ChargePointOrder.LAST_SEEN, false, 0, 10)));
        // no order given: by id
        assertEquals(List.of(a, b, c), ids(admin.search(marker, null, true, 0, 10)));
    }

    @Test
    void searchPages() {
        String marker = uniqueId("page");
        List<String> all = List.of(marker + "-1", marker + "-2", marker + "-3", marker + "-4", marker + "-5");
        all.forEach(id -> admin.register(new NewChargePoint(id, null, null)));

        assertEquals(all.subList(0, 2), ids(admin.search(marker, ChargePointOrder.ID, true, 0, 2)));
        assertEquals(all.subList(2, 4), ids(admin.search(marker, ChargePointOrder.ID, true, 2, 2)));
        assertEquals(all.subList(4, 5), ids(admin.search(marker, ChargePointOrder.ID, true, 4, 2)));
        assertTrue(admin.search(marker, ChargePointOrder.ID, true, 5, 2).isEmpty());
        // a negative offset is the first page; a limit under 1 is one row
        assertEquals(all.subList(0, 1), ids(admin.search(marker, ChargePointOrder.ID, true, -3, 0)));
        assertEquals(5, admin.count(marker));
        // the views are complete, connectors included
        activity.statusChanged(all.get(0), new ConnectorReport(1, "Available", "NoError", null, null, null,
                Instant.now()), Instant.now());
        ChargePointView first = admin.search(marker, ChargePointOrder.ID, true, 0, 1).get(0);
        assertEquals(1, first.connectors().size());
        assertEquals("Available", first.connectors().get(0).status());
    }

    // ---- charge point credentials -------------------------------------------------------------

    @Test
    void updateSetsChangesAndRemovesThePasswordAndTheHandshakeHonoursIt() {
        String id = uniqueId("cred");
        admin.register(new NewChargePoint(id, null, null));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, null, false));

        ChargePointView updated = admin.update(id, "first-key-0123", 1);
        assertEquals(1, updated.securityProfile());
        assertEquals(1, admin.find(id).orElseThrow().securityProfile());
        assertNotEquals("first-key-0123", passwordHash(id));
        assertFalse(passwordHash(id).contains("first-key-0123"));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, "first-key-0123", false));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, "wrong-key-0123", false));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, null, false));

        // the profile alone: the password is kept
        assertEquals(2, admin.update(id, null, 2).securityProfile());
        assertEquals(HandshakeDecision.INSECURE_TRANSPORT, decide(id, "first-key-0123", false));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, "first-key-0123", true));

        // the password alone: the old one (verified and remembered by this node above) no longer opens
        String hashBefore = passwordHash(id);
        assertEquals(2, admin.update(id, "second-key-0123", null).securityProfile());
        assertNotEquals(hashBefore, passwordHash(id));
        assertEquals(HandshakeDecision.UNAUTHORIZED, decide(id, "first-key-0123", true));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, "second-key-0123", true));

        // nothing given: nothing changes
        String hash = passwordHash(id);
        assertEquals(2, admin.update(id, null, null).securityProfile());
        assertEquals(hash, passwordHash(id));

        // no password any more: profile 0 with it
        assertEquals(0, admin.update(id, "", 0).securityProfile());
        assertNull(passwordHash(id));
        assertEquals(HandshakeDecision.ACCEPT, decide(id, null, false));
    }

    @Test
    void invalidUpdatesAreRefusedAndChangeNothing() {
        String id = uniqueId("badupd");
        admin.register(new NewChargePoint(id, "key-0123456789", 1));
        String hash = passwordHash(id);

        assertInvalidUpdate(id, "", null);              // profile 1 without a password
        assertInvalidUpdate(id, "", 2);
        assertInvalidUpdate(id, "p".repeat(41), null);  // too long
        assertInvalidUpdate(id, null, 3);
        assertInvalidUpdate(id, null, -1);
        assertInvalidUpdate(id, null, 0);               // profile 0 with a password
        assertInvalidUpdate(id, "new-key-0123", 0);

        assertEquals(hash, passwordHash(id));
        assertEquals(1, admin.find(id).orElseThrow().securityProfile());
        assertEquals(HandshakeDecision.ACCEPT, decide(id, "key-0123456789", false));

        String open = uniqueId("open");
        admin.register(new NewChargePoint(open, null, null));
        assertInvalidUpdate(open, "new-key-0123", null); // profile 0 keeps no password
        assertInvalidUpdate(open, null, 1);              // profile 1 needs one
        assertNull(passwordHash(open));
        assertEquals(1, admin.update(open, "p".repeat(40), 1).securityProfile());

        CmsException unknown = assertThrows(CmsException.class, () -> admin.update(uniqueId("nobody"), "pw", 1));
        assertEquals(Reason.NOT_FOUND, unknown.kind());
    }

    // ---- transaction search -------------------------------------------------------------------

    @Test
    void transactionSearchFiltersByChargePointTagStateAndStartTime() {
        String cp1 = chargePoint("tx1");
        String cp2 = chargePoint("tx2");
        String tagA = uniqueId("A");
        String tagB = uniqueId("B");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int first = started(cp1, 1, tagA, 100, t0.minus(Duration.ofHours(3)));
        int second = started(cp1, 2, tagB, 200, t0.minus(Duration.ofHours(2)));
        int third = started(cp2, 1, tagA, 300, t0.minus(Duration.ofHours(1)));
        transactions.stop(new StopReport(cp1, first, tagA, 1100, t0.minus(Duration.ofMinutes(150)), null, null,
                Instant.now()));

        assertEquals(List.of(second, first), search(new TransactionFilter(cp1, null, null, null, null)));
        assertEquals(2, queries.count(new TransactionFilter(cp1, null, null, null, null)));
        // the tag in any case: OCPP id tags compare case-insensitively
        assertEquals(List.of(third, first), search(new TransactionFilter(null, tagA.toLowerCase(Locale.ROOT), null,
                null, null)));
        assertEquals(List.of(first), search(new TransactionFilter(cp1, tagA, null, null, null)));
        assertEquals(List.of(second), search(new TransactionFilter(cp1, null, true, null, null)));
        assertEquals(List.of(first), search(new TransactionFilter(cp1, null, false, null, null)));
        assertEquals(1, queries.count(new TransactionFilter(cp1, null, false, null, null)));
        // from inclusive, to exclusive
        assertEquals(List.of(first), search(new TransactionFilter(null, tagA, null, t0.minus(Duration.ofHours(3)),
                t0.minus(Duration.ofHours(1)))));
        assertEquals(List.of(third), search(new TransactionFilter(null, tagA, null, t0.minus(Duration.ofHours(1)),
                null)));
        assertEquals(List.of(second, first), search(new TransactionFilter(cp1, null, null, null,
                t0.minus(Duration.ofMinutes(90)))));
        assertEquals(0, queries.count(new TransactionFilter(cp1, tagB, false, null, null)));
        assertEquals(0, queries.count(new TransactionFilter(uniqueId("nocp"), null, null, null, null)));

        // pages of the same order
        assertEquals(List.of(first), queries.search(new TransactionFilter(cp1, null, null, null, null), 1, 1).stream()
                .map(TransactionView::id).toList());
        assertTrue(queries.search(new TransactionFilter(cp1, null, null, null, null), 2, 10).isEmpty());

        // no filter: all of them
        assertTrue(queries.count(null) >= 3);
        assertEquals(queries.count(null), queries.count(TransactionFilter.ALL));
        assertEquals(queries.search(null, 0, 5), queries.search(TransactionFilter.ALL, 0, 5));

        TransactionView stopped = queries.search(new TransactionFilter(cp1, null, false, null, null), 0, 1).get(0);
        assertEquals(1000, stopped.energyWh());
        assertEquals(tagA, stopped.idTag());
    }

    // ---- console users ------------------------------------------------------------------------

    @Test
    void createdUserVerifiesWithItsPasswordOnly() {
        String name = uniqueId("user");
        ConsoleUserView created = users.create(name, "correct horse", ConsoleUsers.VIEWER);
        assertEquals(name, created.name());
        assertEquals(ConsoleUsers.VIEWER, created.role());
        assertTrue(Duration.between(created.createdAt(), Instant.now()).abs().toSeconds() < 60);

        assertEquals(Optional.of(ConsoleUsers.VIEWER), users.verify(name, "correct horse"));
        assertEquals(Optional.empty(), users.verify(name, "correct horsE"));
        assertEquals(Optional.empty(), users.verify(name, ""));
        assertEquals(Optional.empty(), users.verify(name, null));
        assertEquals(Optional.empty(), users.verify(name.toUpperCase(Locale.ROOT), "correct horse"));
        assertEquals(Optional.empty(), users.verify(uniqueId("nobody"), "correct horse"));
        assertEquals(Optional.empty(), users.verify(null, "correct horse"));

        String stored = em.createQuery("select u.passwordHash from ConsoleUser u where u.name = :n", String.class)
                .setParameter("n", name).getSingleResult();
        assertFalse(stored.contains("correct horse"), stored);
        assertTrue(stored.startsWith("pbkdf2-sha256$"), stored);
    }

    @Test
    void listIsOrderedByNameAndShowsNoPassword() {
        String suffix = uniqueId("");
        users.create("b" + suffix, "password-b", ConsoleUsers.ADMIN);
        users.create("a" + suffix, "password-a", ConsoleUsers.VIEWER);

        List<ConsoleUserView> mine = users.list().stream().filter(u -> u.name().endsWith(suffix)).toList();
        assertEquals(List.of("a" + suffix, "b" + suffix), mine.stream().map(ConsoleUserView::name).toList());
        assertEquals(List.of(ConsoleUsers.VIEWER, ConsoleUsers.ADMIN), mine.stream().map(ConsoleUserView::role).toList());
    }

    @Test
    void updateChangesPasswordAndRoleSeparately() {
        String name = uniqueId("upd");
        users.create(name, "first-password", ConsoleUsers.VIEWER);

        assertEquals(ConsoleUsers.ADMIN, users.update(name, null, ConsoleUsers.ADMIN).role());
        assertEquals(Optional.of(ConsoleUsers.ADMIN), users.verify(name, "first-password"));

        ConsoleUserView changed = users.update(name, "second-password", null);
        assertEquals(ConsoleUsers.ADMIN, changed.role());
        assertEquals(Optional.empty(), users.verify(name, "first-password"));
        assertEquals(Optional.of(ConsoleUsers.ADMIN), users.verify(name, "second-password"));

        assertEquals(ConsoleUsers.ADMIN, users.update(name, null, null).role());
        assertEquals(Optional.of(ConsoleUsers.ADMIN), users.verify(name, "second-password"));

        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class,
                () -> users.update(uniqueId("nobody"), "whatever-123", null)).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> users.update(name, "short", null)).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> users.update(name, null, "root")).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class,
                () -> users.update(name, "third-password", "Viewer")).kind());
        assertEquals(Optional.of(ConsoleUsers.ADMIN), users.verify(name, "second-password"), "a refused update changes nothing");
    }

    @Test
    void deleteRemovesOnce() {
        String name = uniqueId("del");
        users.create(name, "some-password", ConsoleUsers.ADMIN);

        assertTrue(users.delete(name));
        assertEquals(Optional.empty(), users.verify(name, "some-password"));
        assertTrue(users.list().stream().noneMatch(u -> u.name().equals(name)));
        assertFalse(users.delete(name));
        assertFalse(users.delete(null));
        // the name is free again
        users.create(name, "other-password", ConsoleUsers.VIEWER);
        assertEquals(Optional.of(ConsoleUsers.VIEWER), users.verify(name, "other-password"));
    }

    @Test
    void invalidOrDuplicateUsersAreRefusedAndNothingIsCreated() {
        String ok = uniqueId("ok");
        for (String bad : new String[] {"", "with space", "x".repeat(65), "é" + ok, "slash/" + ok, "colon:" + ok}) {
            CmsException e = assertThrows(CmsException.class, () -> users.create(bad, "long-enough", "viewer"), bad);
            assertEquals(Reason.INVALID, e.kind(), bad);
            assertTrue(e.getMessage().contains("name"), e.getMessage());
        }
        assertEquals(Reason.INVALID, assertThrows(CmsException.class,
                () -> users.create(null, "long-enough", "viewer")).kind());
        for (String password : new String[] {null, "", "1234567", "p".repeat(129)}) {
            CmsException e = assertThrows(CmsException.class, () -> users.create(ok, password, "viewer"));
            assertEquals(Reason.INVALID, e.kind());
            assertTrue(e.getMessage().contains("password"), e.getMessage());
        }
        for (String role : new String[] {null, "", "root", "Admin", "VIEWER"}) {
            assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> users.create(ok, "long-enough", role))
                    .kind(), "role " + role);
        }
        // every rule broken is named
        CmsException all = assertThrows(CmsException.class, () -> users.create("bad name", "short", "root"));
        assertEquals(3, all.violations().size(), all.violations().toString());
        assertTrue(users.list().stream().noneMatch(u -> u.name().equals(ok)));

        // the limits themselves are fine
        String longest = ("L" + "x".repeat(55) + uniqueId("")).substring(0, 64);
        users.create(longest, "12345678", ConsoleUsers.VIEWER);
        users.create("a.b_c@d-" + ok, "p".repeat(128), ConsoleUsers.ADMIN);
        assertEquals(Optional.of(ConsoleUsers.VIEWER), users.verify(longest, "12345678"));

        users.create(ok, "long-enough", ConsoleUsers.VIEWER);
        CmsException conflict = assertThrows(CmsException.class, () -> users.create(ok, "other-password", "admin"));
        assertEquals(Reason.CONFLICT, conflict.kind());
        assertEquals(Optional.of(ConsoleUsers.VIEWER), users.verify(ok, "long-enough"));
    }

    /** An unknown name costs the same PBKDF2 as a wrong password: the time does not tell which names exist. */
    @Test
    void unknownUserTakesAboutAsLongAsAWrongPassword() {
        String name = uniqueId("timing");
        users.create(name, "the-password", ConsoleUsers.VIEWER);
        users.verify(name, "warm-up");
        users.verify(uniqueId("nobody"), "warm-up");

        long known = fastest(() -> users.verify(name, "wrong-password"));
        long unknown = fastest(() -> users.verify(uniqueId("nobody"), "wrong-password"));
        // PBKDF2 with 100 000 iterations takes tens of milliseconds; a plain look-up a fraction of one
        assertTrue(unknown * 3 >= known, "unknown " + unknown / 1_000 + " µs, known " + known / 1_000 + " µs");
        assertTrue(unknown >= Duration.ofMillis(5).toNanos(), "unknown " + unknown / 1_000 + " µs");
    }

    // ---- activity -----------------------------------------------------------------------------

    @Test
    void eachChangeIsOneActivityRowAndARepeatAddsNone() {
        String id = chargePoint("act");
        String node = uniqueId("node");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long lastBefore = site.lastActivityId();

        activity.sessionOpened(id, node, "s1", "ocpp1.6", t);
        activity.sessionOpened(id, node, "s1", "ocpp1.6", t);
        activity.boot(id, new BootInfo("ACME", "Wallbox 22", null, null, "1.2.3", null, null, null, null));
        ConnectorReport available = new ConnectorReport(1, "Available", "NoError", null, null, null, t);
        activity.statusChanged(id, available, t);
        activity.statusChanged(id, available, t);
        // the same status again, later: not a change
        activity.statusChanged(id, new ConnectorReport(1, "Available", "NoError", null, null, null, t.plusMillis(1)),
                t.plusMillis(1));
        ConnectorReport faulted = new ConnectorReport(1, "Faulted", "GroundFailure", null, null, null, t.plusMillis(2));
        activity.statusChanged(id, faulted, t.plusMillis(2));
        activity.statusChanged(id, faulted, t.plusMillis(2));
        // older than what is stored: not applied, not reported
        activity.statusChanged(id, new ConnectorReport(1, "Charging", "NoError", null, null, null, t.minusSeconds(5)),
                t.plusMillis(3));
        StartReport start = new StartReport(id, 1, "TAG-" + id.substring(id.length() - 8), 1000, null, t.plusMillis(4),
                t.plusMillis(4));
        int tx = transactions.start(start).transactionId();
        assertEquals(tx, transactions.start(start).transactionId());
        StopReport stop = new StopReport(id, tx, null, 1750, t.plusMillis(5), null, null, t.plusMillis(5));
        transactions.stop(stop);
        transactions.stop(stop);
        activity.sessionClosed(id, "s1", t.plusMillis(6));
        activity.sessionClosed(id, "s1", t.plusMillis(6));

        assertEquals(List.of(
                "Connected: node " + node,
                "Booted: ACME Wallbox 22, firmware 1.2.3",
                "StatusChanged: connector 1: Available",
                "StatusChanged: connector 1: Faulted (GroundFailure)",
                "TransactionStarted: transaction " + tx + " on connector 1, tag " + start.idTag(),
                "TransactionStopped: transaction " + tx + ", 750 Wh",
                "Disconnected: node " + node), rows(id));

        // the feed: newest first, the same rows
        List<ActivityView> latest = site.latestActivity(7);
        assertEquals(7, latest.size());
        assertEquals(site.lastActivityId(), latest.get(0).id());
        assertTrue(latest.get(0).id() > lastBefore);
        assertEquals("Disconnected", latest.get(0).kind());
        assertEquals(id, latest.get(0).chargePointId());
        assertEquals(t.plusMillis(6), latest.get(0).at());
        assertEquals("Connected", latest.get(6).kind());
        for (int i = 1; i < latest.size(); i++) {
            assertTrue(latest.get(i - 1).id() > latest.get(i).id(), "newest first");
        }
        assertTrue(site.latestActivity(0).isEmpty());
        assertEquals(1, site.latestActivity(1).size());
    }

    @Test
    void replacedSessionsAndRefusedEventsWriteNothing() {
        String id = chargePoint("quiet");
        String node = uniqueId("node");
        Instant t = Instant.now();
        activity.sessionOpened(id, node, "new", "ocpp1.6", t);
        // an older session's events, late: it is not the charge point's session
        activity.sessionOpened(id, node, "old", "ocpp1.6", t.minusSeconds(5));
        activity.sessionClosed(id, "old", t.plusMillis(1));
        // a charge point nobody registered
        String ghost = uniqueId("ghost");
        activity.sessionOpened(ghost, node, "g1", "ocpp1.6", t);
        activity.statusChanged(ghost, new ConnectorReport(1, "Available", "NoError", null, null, null, t), t);
        transactions.start(new StartReport(ghost, 1, "TAG", 0, null, t, t));
        withAutoRegister("false", () -> activity.boot(ghost, new BootInfo("A", "B", null, null, "1", null, null, null, null)));

        assertEquals(List.of("Connected: node " + node), rows(id));
        assertEquals(List.of(), rows(ghost));
        activity.sessionClosed(id, "new", t.plusMillis(2));
        assertEquals(List.of("Connected: node " + node, "Disconnected: node " + node), rows(id));
    }

    @Test
    void rowsOlderThanThirtyDaysAreDeleted() {
        String id = chargePoint("old");
        Instant longAgo = Instant.now().minus(Duration.ofDays(31));
        activity.sessionOpened(id, uniqueId("node"), "s1", "ocpp1.6", longAgo);
        activity.sessionClosed(id, "s1", Instant.now());
        assertEquals(2, rows(id).size());

        assertTrue(activityLog.deleteBefore(Times.now().minus(ActivityLog.KEPT)) >= 1);

        List<String> kept = rows(id);
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).startsWith("Disconnected: "), kept.toString());
    }

    // ---- overview -----------------------------------------------------------------------------

    @Test
    void overviewCountsChargePointsConnectorsTransactionsAndEnergyPerDayOfTheZone() {
        // +05:30: a day there is not a UTC day, so a sum per UTC day would put these stops elsewhere
        ZoneId zone = ZoneId.of("Asia/Kolkata");
        Overview before = site.overview(zone);
        Overview utcBefore = site.overview(ZoneId.of("UTC"));

        String cp1 = chargePoint("ov1");
        String cp2 = chargePoint("ov2");
        String node = uniqueId("node");
        Instant now = Instant.now();
        activity.nodeAlive(node, now, null);
        activity.sessionOpened(cp1, node, "s1", "ocpp1.6", now);
        status(cp1, 0, "Faulted", "OtherError");
        status(cp1, 1, "Available", "NoError");
        status(cp2, 1, "Charging", "NoError");
        status(cp2, 2, "Faulted", "GroundFailure");
        status(cp2, 3, "Faulted", "GroundFailure");

        LocalDate today = LocalDate.now(zone);
        LocalDate day = today.minusDays(3);
        Instant lateInTheDay = day.atTime(LocalTime.of(23, 30)).atZone(zone).toInstant();
        Instant earlyNextDay = day.plusDays(1).atTime(LocalTime.of(0, 30)).atZone(zone).toInstant();
        Instant eightDaysAgo = today.minusDays(8).atTime(LocalTime.NOON).atZone(zone).toInstant();
        stopped(cp1, 1000, 2000, lateInTheDay);
        stopped(cp1, 5000, 5250, earlyNextDay);
        stopped(cp2, 0, 300, now);
        stopped(cp2, 0, 99_999, eightDaysAgo);
        started(cp2, 1, uniqueId("T"), 10, now);

        Overview after = site.overview(zone);
        assertEquals(2, after.registered() - before.registered());
        assertEquals(1, after.connected() - before.connected());
        assertEquals(2, after.faulted() - before.faulted(), "cp1 by its connector 0, cp2 by two connectors");
        Map<String, Long> added = Map.of("Available", 1L, "Charging", 1L, "Faulted", 2L);
        added.forEach((status, n) -> assertEquals(n, after.connectorsByStatus().getOrDefault(status, 0L)
                - before.connectorsByStatus().getOrDefault(status, 0L), status));
        assertEquals(4, after.connectorsByStatus().values().stream().mapToLong(Long::longValue).sum()
                - before.connectorsByStatus().values().stream().mapToLong(Long::longValue).sum(),
                "connector 0 is not a connector");
        assertEquals(1, after.activeTransactions() - before.activeTransactions());

        List<LocalDate> days = after.last7Days().stream().map(DailyEnergy::day).toList();
        assertEquals(7, days.size());
        assertEquals(today, days.get(6));
        for (int i = 1; i < 7; i++) {
            assertEquals(days.get(i - 1).plusDays(1), days.get(i));
        }
        assertEquals(after.last7Days().get(6).energyWh(), after.energyTodayWh());
        assertEquals(1000, energy(after, day) - energy(before, day));
        assertEquals(250, energy(after, day.plusDays(1)) - energy(before, day.plusDays(1)));
        assertEquals(300, after.energyTodayWh() - before.energyTodayWh());
        long total = after.last7Days().stream().mapToLong(DailyEnergy::energyWh).sum()
                - before.last7Days().stream().mapToLong(DailyEnergy::energyWh).sum();
        assertEquals(1550, total, "the transaction of eight days ago is not in the last 7 days");

        // the same stops seen from UTC: 23:30 and 00:30 in Kolkata are both in the afternoon of `day` there
        Overview utc = site.overview(ZoneId.of("UTC"));
        assertEquals(1250, energy(utc, day) - energy(utcBefore, day));
        assertEquals(0, energy(utc, day.plusDays(1)) - energy(utcBefore, day.plusDays(1)));
        activity.sessionClosed(cp1, "s1", Instant.now());
    }

    @Test
    void lastActivityIdFollowsTheNewestRow() {
        long before = site.lastActivityId();
        String id = chargePoint("last");
        status(id, 1, "Available", "NoError");
        long after = site.lastActivityId();
        assertTrue(after > before);
        assertEquals(after, site.latestActivity(1).get(0).id());
        assertEquals("connector 1: Available", site.latestActivity(1).get(0).detail());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String chargePoint(String prefix) {
        String id = uniqueId(prefix);
        admin.register(new NewChargePoint(id, null, null));
        return id;
    }

    private void boot(String id, String vendor, String model, String firmware) {
        activity.boot(id, new BootInfo(vendor, model, null, null, firmware, null, null, null, null));
    }

    private void status(String id, int connector, String status, String errorCode) {
        Instant now = Instant.now();
        activity.statusChanged(id, new ConnectorReport(connector, status, errorCode, null, null, null, now), now);
    }

    private int started(String cp, int connector, String tag, int meterStart, Instant at) {
        return transactions.start(new StartReport(cp, connector, tag, meterStart, null, at, Instant.now())).transactionId();
    }

    private void stopped(String cp, int meterStart, int meterStop, Instant stoppedAt) {
        int id = started(cp, 1, uniqueId("T"), meterStart, stoppedAt.minus(Duration.ofMinutes(30)));
        transactions.stop(new StopReport(cp, id, null, meterStop, stoppedAt, null, null, Instant.now()));
    }

    /** The energy of that day in the overview's last 7 days. */
    private static long energy(Overview overview, LocalDate day) {
        return overview.last7Days().stream().filter(e -> e.day().equals(day)).mapToLong(DailyEnergy::energyWh).sum();
    }

    private List<Integer> search(TransactionFilter filter) {
        return queries.search(filter, 0, 50).stream().map(TransactionView::id).toList();
    }

    /** The charge point's activity rows, oldest first, as "kind: detail". */
    private List<String> rows(String chargePointId) {
        return em.createQuery("select a from Activity a where a.chargePointId = :id order by a.id", Activity.class)
                .setParameter("id", chargePointId).getResultStream()
                .map(a -> a.getKind() + ": " + a.getDetail()).toList();
    }

    private HandshakeDecision decide(String id, String password, boolean secure) {
        return credentials.check(id, password, secure, 0).decision();
    }

    private String passwordHash(String id) {
        return em.createQuery("select c.passwordHash from ChargePoint c where c.identity = :id", String.class)
                .setParameter("id", id).getSingleResult();
    }

    private void assertInvalidUpdate(String id, String password, Integer profile) {
        CmsException e = assertThrows(CmsException.class, () -> admin.update(id, password, profile),
                password + " / " + profile);
        assertEquals(Reason.INVALID, e.kind(), password + " / " + profile);
    }

    private static List<String> ids(List<ChargePointView> views) {
        return views.stream().map(ChargePointView::id).toList();
    }

    /** The shortest of five runs, in nanoseconds: the work itself, without the machine's noise. */
    private static long fastest(Runnable call) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            call.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static void withAutoRegister(String value, Runnable body) {
        String previous = System.getProperty("CSMS_AUTO_REGISTER");
        System.setProperty("CSMS_AUTO_REGISTER", value);
        try {
            body.run();
        } finally {
            if (previous == null) {
                System.clearProperty("CSMS_AUTO_REGISTER");
            } else {
                System.setProperty("CSMS_AUTO_REGISTER", previous);
            }
        }
    }
}
