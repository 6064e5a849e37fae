package org.opencsms.cms.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.ChargePointView;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.IdTagView;
import org.opencsms.api.cms.MeterValueView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.api.cms.TransactionDetail;
import org.opencsms.api.cms.TransactionView;
import org.opencsms.api.messaging.TagAuthorization;
import org.opencsms.api.messaging.TagAuthorization.Verdict;
import org.opencsms.api.messaging.MeterSample;
import org.opencsms.cms.authorization.boundary.IdTagService;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.chargepoint.entity.DataTransferRecord;
import org.opencsms.cms.chargepoint.control.DataTransferAnswer;
import org.opencsms.cms.chargepoint.control.DataTransferAnswer.VendorReply;
import org.opencsms.cms.transaction.boundary.MeterReport;
import org.opencsms.cms.transaction.boundary.StartReport;
import org.opencsms.cms.transaction.boundary.StopReport;
import org.opencsms.cms.transaction.boundary.TransactionService;
import org.opencsms.cms.transaction.boundary.TransactionStarted;
import org.opencsms.cms.transaction.boundary.TransactionStopped;

/**
 * Id tags ({@link IdTagService}), transactions and meter values ({@link TransactionService}), and the
 * DataTransfer, firmware and diagnostics reports of {@link ChargePointActivity}, in Payara Micro against its
 * embedded H2. Runs in-container, every call its own transaction; every test works on charge points
 * and id tags of its own.
 */
class TransactionsIT extends CmsDeployment {
    private static final String ENERGY = "Energy.Active.Import.Register";

    @EJB
    IdTagService idTags;

    @EJB
    TransactionService transactions;

    @EJB
    ChargePointAdmin admin;

    @EJB
    ChargePointActivity activity;

    @PersistenceContext(unitName = "csms")
    EntityManager em;

    // ---- id tag administration ----------------------------------------------------------------

    @Test
    void createdTagIsFoundWithDefaults() {
        String tag = uniqueId("t");

        IdTagView created = idTags.create(new IdTagView(tag, null, null, null, null));

        IdTagView expected = new IdTagView(tag, "Accepted", null, null, false);
        assertEquals(expected, created);
        assertEquals(expected, idTags.find(tag).orElseThrow());
    }

    @Test
    void createdTagKeepsAllFields() {
        String tag = uniqueId("t");
        String parent = uniqueId("p");
        Instant expiry = now().plus(30, ChronoUnit.DAYS);

        IdTagView created = idTags.create(new IdTagView(tag, "Blocked", expiry, parent, true));

        IdTagView expected = new IdTagView(tag, "Blocked", expiry, parent, true);
        assertEquals(expected, created);
        assertEquals(expected, idTags.find(tag).orElseThrow());
    }

    @Test
    void listShowsTagsOrderedByTag() {
        String suffix = uniqueId("");
        String b = "b" + suffix;
        String a = "a" + suffix;
        idTags.create(new IdTagView(b, "Blocked", null, null, null));
        idTags.create(new IdTagView(a, null, null, null, true));

        List<IdTagView> mine = idTags.list().stream().filter(t -> t.idTag().equals(a) || t.idTag().equals(b)).toList();

        assertEquals(List.of(new IdTagView(a, "Accepted", null, null, true), new IdTagView(b, "Blocked", null, null, false)),
                mine);
    }

    @Test
    void updateReplacesStatusExpiryParentAndConcurrency() {
        String tag = uniqueId("t");
        String parent = uniqueId("p");
        Instant expiry = now().plus(1, ChronoUnit.DAYS);
        idTags.create(new IdTagView(tag, null, null, null, null));

        IdTagView updated = idTags.update(tag, new IdTagView(null, "Blocked", expiry, parent, true));

        IdTagView expected = new IdTagView(tag, "Blocked", expiry, parent, true);
        assertEquals(expected, updated);
        assertEquals(expected, idTags.find(tag).orElseThrow());

        // the same idTag in the body is fine; null fields reset to the defaults
        IdTagView back = idTags.update(tag, new IdTagView(tag, null, null, null, null));
        assertEquals(new IdTagView(tag, "Accepted", null, null, false), back);
        assertEquals(back, idTags.find(tag).orElseThrow());
    }

    @Test
    void deleteRemovesOnce() {
        String tag = uniqueId("t");
        idTags.create(new IdTagView(tag, null, null, null, null));

        assertTrue(idTags.delete(tag));
        assertTrue(idTags.find(tag).isEmpty());
        assertTrue(idTags.list().stream().noneMatch(t -> t.idTag().equals(tag)));
        assertFalse(idTags.delete(tag));
        assertFalse(idTags.delete(uniqueId("never")));
        assertEquals(Verdict.INVALID, idTags.authorize(tag).status());
    }

    @Test
    void duplicateTagIsAConflictAndKeepsTheFirst() {
        String tag = uniqueId("t");
        idTags.create(new IdTagView(tag, "Blocked", null, null, null));

        CmsException e = assertThrows(CmsException.class,
                () -> idTags.create(new IdTagView(tag, "Accepted", null, null, true)));

        assertEquals(Reason.CONFLICT, e.kind());
        assertEquals(new IdTagView(tag, "Blocked", null, null, false), idTags.find(tag).orElseThrow());
        assertEquals(1, idTags.list().stream().filter(t -> t.idTag().equals(tag)).count());
    }

    @Test
    void invalidTagsAreRefused() {
        String twenty = uniqueId("T").repeat(2); // 10 + 10 characters
        assertEquals(20, twenty.length());
        for (String bad : new String[] {"", twenty + "x", "ctl\u0001" + uniqueId(""), "tab\t" + uniqueId(""),
                "del\u007f" + uniqueId(""), "é" + uniqueId("")}) {
            CmsException e = assertThrows(CmsException.class, () -> idTags.create(new IdTagView(bad, null, null, null, null)),
                    "idTag '" + bad + "'");
            assertEquals(Reason.INVALID, e.kind(), "idTag '" + bad + "'");
            assertTrue(idTags.find(bad).isEmpty(), "idTag '" + bad + "'");
        }
        assertEquals(Reason.INVALID, assertThrows(CmsException.class,
                () -> idTags.create(new IdTagView(null, null, null, null, null))).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> idTags.create(null)).kind());

        // the limit itself is fine, and so are spaces and punctuation
        idTags.create(new IdTagView(twenty, null, null, null, null));
        assertTrue(idTags.find(twenty).isPresent());
        String printable = "a b~!" + uniqueId("");
        idTags.create(new IdTagView(printable, null, null, null, null));
        assertTrue(idTags.find(printable).isPresent());
    }

    @Test
    void badStatusOrParentIsRefusedAndNothingIsCreated() {
        String tag = uniqueId("t");
        for (String status : new String[] {"Expired", "accepted", "Invalid", "ConcurrentTx", ""}) {
            CmsException e = assertThrows(CmsException.class,
                    () -> idTags.create(new IdTagView(tag, status, null, null, null)), "status '" + status + "'");
            assertEquals(Reason.INVALID, e.kind(), "status '" + status + "'");
        }
        for (String parent : new String[] {"", "p".repeat(21), "p\u0000arent", "pärent"}) {
            CmsException e = assertThrows(CmsException.class,
                    () -> idTags.create(new IdTagView(tag, null, null, parent, null)), "parent '" + parent + "'");
            assertEquals(Reason.INVALID, e.kind(), "parent '" + parent + "'");
        }
        assertTrue(idTags.find(tag).isEmpty());

        idTags.create(new IdTagView(tag, null, null, "p".repeat(20), null));
        assertEquals("p".repeat(20), idTags.find(tag).orElseThrow().parentIdTag());
    }

    @Test
    void updateOfUnknownTagIsNotFound() {
        String tag = uniqueId("t");
        CmsException e = assertThrows(CmsException.class,
                () -> idTags.update(tag, new IdTagView(tag, "Blocked", null, null, null)));
        assertEquals(Reason.NOT_FOUND, e.kind());
        assertTrue(idTags.find(tag).isEmpty());
    }

    @Test
    void invalidUpdatesAreRefusedAndChangeNothing() {
        String tag = uniqueId("t");
        String other = uniqueId("o");
        IdTagView original = idTags.create(new IdTagView(tag, null, null, null, null));

        CmsException differs = assertThrows(CmsException.class,
                () -> idTags.update(tag, new IdTagView(other, "Blocked", null, null, true)));
        assertEquals(Reason.INVALID, differs.kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class,
                () -> idTags.update(tag, new IdTagView(tag, "Expired", null, null, null))).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class,
                () -> idTags.update(tag, new IdTagView(tag, "Blocked", null, "x".repeat(21), null))).kind());
        assertEquals(Reason.INVALID, assertThrows(CmsException.class, () -> idTags.update(tag, null)).kind());

        assertEquals(original, idTags.find(tag).orElseThrow());
        assertTrue(idTags.find(other).isEmpty());
    }

    // ---- Authorize ----------------------------------------------------------------------------

    @Test
    void unknownTagIsInvalid() {
        assertEquals(TagAuthorization.invalid(), idTags.authorize(uniqueId("none")));
        assertEquals(TagAuthorization.invalid(), idTags.authorize(null));
        assertEquals(TagAuthorization.invalid(), transactions.authorizeStart(uniqueId("none")));
    }

    @Test
    void authorizeAnswersTheTagsStatus() {
        String accepted = idTag(null, null, null, false);
        String blocked = idTag("Blocked", null, null, false);
        assertEquals(new TagAuthorization(Verdict.ACCEPTED, null, null), idTags.authorize(accepted));
        assertEquals(new TagAuthorization(Verdict.BLOCKED, null, null), idTags.authorize(blocked));
        assertEquals(Verdict.ACCEPTED, transactions.authorizeStart(accepted).status());
        assertEquals(Verdict.BLOCKED, transactions.authorizeStart(blocked).status());
    }

    @Test
    void tagPastItsExpiryDateIsExpired() {
        Instant past = now().minus(1, ChronoUnit.DAYS);
        String tag = idTag(null, past, null, false);

        assertEquals(new TagAuthorization(Verdict.EXPIRED, past, null), idTags.authorize(tag));
        assertEquals(Verdict.EXPIRED, transactions.authorizeStart(tag).status());
    }

    @Test
    void tagBeforeItsExpiryDateIsAcceptedWithTheDate() {
        Instant future = now().plus(10, ChronoUnit.DAYS);
        String tag = idTag(null, future, null, false);

        assertEquals(new TagAuthorization(Verdict.ACCEPTED, future, null), idTags.authorize(tag));
    }

    @Test
    void blockedWinsOverExpired() {
        String tag = idTag("Blocked", now().minus(1, ChronoUnit.DAYS), null, false);
        assertEquals(Verdict.BLOCKED, idTags.authorize(tag).status());
    }

    @Test
    void parentIdTagIsReturned() {
        String parent = uniqueId("grp");
        String tag = idTag(null, null, parent, false);
        String blocked = idTag("Blocked", null, parent, false);

        assertEquals(new TagAuthorization(Verdict.ACCEPTED, null, parent), idTags.authorize(tag));
        assertEquals(new TagAuthorization(Verdict.BLOCKED, null, parent), idTags.authorize(blocked));
        assertEquals(parent, transactions.authorizeStart(tag).parentIdTag());
    }

    @Test
    void updatedStatusIsAuthorizedAtOnce() {
        String tag = idTag(null, null, null, false);
        assertEquals(Verdict.ACCEPTED, idTags.authorize(tag).status());
        idTags.update(tag, new IdTagView(tag, "Blocked", null, null, null));
        assertEquals(Verdict.BLOCKED, idTags.authorize(tag).status());
    }

    @Test
    void tagWithActiveTransactionIsConcurrentTxUntilItStops() {
        String cp = chargePoint("conc");
        String parent = uniqueId("grp");
        Instant expiry = now().plus(5, ChronoUnit.DAYS);
        String tag = idTag(null, expiry, parent, false);
        TransactionStarted first = transactions.start(start(cp, 1, tag, 100, now()));
        assertEquals(Verdict.ACCEPTED, first.idTagInfo().status());

        assertEquals(new TagAuthorization(Verdict.CONCURRENT_TX, expiry, parent), transactions.authorizeStart(tag));
        // Authorize.req knows no concurrency rule
        assertEquals(Verdict.ACCEPTED, idTags.authorize(tag).status());

        transactions.stop(stop(cp, first.transactionId(), tag, 200, now(), null, List.of()));

        assertEquals(new TagAuthorization(Verdict.ACCEPTED, expiry, parent), transactions.authorizeStart(tag));
    }

    @Test
    void tagAllowingConcurrentTransactionsIsAccepted() {
        String cp = chargePoint("multi");
        String tag = idTag(null, null, null, true);
        TransactionStarted first = transactions.start(start(cp, 1, tag, 100, now()));
        assertEquals(Verdict.ACCEPTED, first.idTagInfo().status());

        assertEquals(Verdict.ACCEPTED, transactions.authorizeStart(tag).status());
        TransactionStarted second = transactions.start(start(cp, 2, tag, 500, now()));
        assertEquals(Verdict.ACCEPTED, second.idTagInfo().status());
        assertNotEquals(first.transactionId(), second.transactionId());
        assertEquals(2, transactions.list(cp, true, 0, 10).size());
    }

    @Test
    void secondStartWithTheSameTagIsAnsweredConcurrentTx() {
        String cp = chargePoint("conc2");
        String other = chargePoint("conc2b");
        String tag = idTag(null, null, null, false);
        TransactionStarted first = transactions.start(start(cp, 1, tag, 100, now()));

        TransactionStarted second = transactions.start(start(other, 1, tag, 0, now()));

        assertEquals(Verdict.CONCURRENT_TX, second.idTagInfo().status());
        assertNotEquals(first.transactionId(), second.transactionId());
        assertEquals("CONCURRENT_TX", transactions.find(second.transactionId()).orElseThrow().startStatus());
        assertEquals("ACCEPTED", transactions.find(first.transactionId()).orElseThrow().startStatus());
    }

    // ---- StartReport ---------------------------------------------------------------------

    @Test
    void startOfValidTagIsAcceptedAndRecorded() {
        String cp = chargePoint("start");
        String tag = idTag(null, null, null, false);
        Instant at = now().minusSeconds(5);
        Instant received = now();

        TransactionStarted reply = transactions.start(new StartReport(cp, 2, tag, 1234, 77, at, received));

        assertTrue(reply.transactionId() > 0, "transactionId " + reply.transactionId());
        assertEquals(new TagAuthorization(Verdict.ACCEPTED, null, null), reply.idTagInfo());
        TransactionDetail tx = transactions.find(reply.transactionId()).orElseThrow();
        assertAll(
                () -> assertEquals(reply.transactionId(), tx.id()),
                () -> assertEquals(cp, tx.chargePointId()),
                () -> assertEquals(2, tx.connectorId()),
                () -> assertEquals(tag, tx.idTag()),
                () -> assertEquals(1234, tx.meterStart()),
                () -> assertEquals(at, tx.startTimestamp()),
                () -> assertEquals(77, tx.reservationId()),
                () -> assertEquals("ACCEPTED", tx.startStatus()),
                () -> assertEquals(received, tx.startReceivedAt()),
                () -> assertNull(tx.meterStop()),
                () -> assertNull(tx.stopTimestamp()),
                () -> assertNull(tx.stopReason()),
                () -> assertNull(tx.stopIdTag()),
                () -> assertNull(tx.stopReceivedAt()),
                () -> assertNull(tx.energyWh()),
                () -> assertTrue(tx.meterValues().isEmpty()));
        assertEquals(List.of(new TransactionView(reply.transactionId(), cp, 2, tag, 1234, null, at, null, null, null)),
                transactions.list(cp, null, 0, 10));
        assertEquals(received, admin.find(cp).orElseThrow().lastSeen());
    }

    @Test
    void startAnswersExpiryAndParentOfTheTag() {
        String cp = chargePoint("info");
        String parent = uniqueId("grp");
        Instant expiry = now().plus(3, ChronoUnit.DAYS);
        String tag = idTag(null, expiry, parent, false);

        TransactionStarted reply = transactions.start(start(cp, 1, tag, 0, now()));

        assertEquals(new TagAuthorization(Verdict.ACCEPTED, expiry, parent), reply.idTagInfo());
    }

    @Test
    void startOfUnknownTagIsInvalidButRecorded() {
        String cp = chargePoint("unk");
        String tag = uniqueId("nobody");

        TransactionStarted reply = transactions.start(start(cp, 1, tag, 10, now()));

        assertEquals(TagAuthorization.invalid(), reply.idTagInfo());
        TransactionDetail tx = transactions.find(reply.transactionId()).orElseThrow();
        assertEquals(tag, tx.idTag());
        assertEquals("INVALID", tx.startStatus());
        assertEquals(1, transactionRows(cp));
    }

    @Test
    void startOfBlockedOrExpiredTagIsRecordedWithThatStatus() {
        String cp = chargePoint("refused");
        String blocked = idTag("Blocked", null, null, false);
        String expired = idTag(null, now().minus(1, ChronoUnit.HOURS), null, false);

        TransactionStarted b = transactions.start(start(cp, 1, blocked, 0, now()));
        TransactionStarted e = transactions.start(start(cp, 2, expired, 0, now()));

        assertEquals(Verdict.BLOCKED, b.idTagInfo().status());
        assertEquals(Verdict.EXPIRED, e.idTagInfo().status());
        assertEquals("BLOCKED", transactions.find(b.transactionId()).orElseThrow().startStatus());
        assertEquals("EXPIRED", transactions.find(e.transactionId()).orElseThrow().startStatus());
    }

    @Test
    void repeatedStartIsAnsweredWithTheSameTransaction() {
        String cp = chargePoint("again");
        String tag = idTag(null, null, null, false);
        Instant at = now();
        StartReport request = start(cp, 1, tag, 500, at);

        TransactionStarted first = transactions.start(request);
        TransactionStarted second = transactions.start(request);
        // the same start, received again later (the charger lost our answer)
        TransactionStarted third = transactions.start(new StartReport(cp, 1, tag, 500, null, at,
                now().plusSeconds(30)));

        assertEquals(first.transactionId(), second.transactionId());
        assertEquals(first.transactionId(), third.transactionId());
        // not ConcurrentTx with itself
        assertEquals(Verdict.ACCEPTED, second.idTagInfo().status());
        assertEquals(Verdict.ACCEPTED, third.idTagInfo().status());
        assertEquals(1, transactionRows(cp));
        assertEquals(request.receivedAt(), transactions.find(first.transactionId()).orElseThrow().startReceivedAt());
    }

    @Test
    void repeatedStartOfUnknownTagStaysInvalid() {
        String cp = chargePoint("again-inv");
        StartReport request = start(cp, 1, uniqueId("nobody"), 0, now());

        TransactionStarted first = transactions.start(request);
        TransactionStarted second = transactions.start(request);

        assertEquals(first.transactionId(), second.transactionId());
        assertEquals(TagAuthorization.invalid(), second.idTagInfo());
        assertEquals(1, transactionRows(cp));
    }

    @Test
    void startDifferingInMeterStartIsANewTransaction() {
        String cp = chargePoint("differ");
        String tag = idTag(null, null, null, true);
        Instant at = now();

        TransactionStarted first = transactions.start(start(cp, 1, tag, 500, at));
        TransactionStarted second = transactions.start(start(cp, 1, tag, 501, at));

        assertNotEquals(first.transactionId(), second.transactionId());
        assertEquals(2, transactionRows(cp));
        assertEquals(500, transactions.find(first.transactionId()).orElseThrow().meterStart());
        assertEquals(501, transactions.find(second.transactionId()).orElseThrow().meterStart());
    }

    @Test
    void startFromUnregisteredChargePointIsInvalidAndRecordsNothing() {
        String ghost = uniqueId("ghost");
        String tag = idTag(null, null, null, true);

        TransactionStarted reply = transactions.start(start(ghost, 1, tag, 0, now()));
        TransactionStarted again = transactions.start(start(ghost, 1, tag, 0, now()));

        assertEquals(TagAuthorization.invalid(), reply.idTagInfo());
        assertTrue(transactions.find(reply.transactionId()).isEmpty());
        assertEquals(TransactionService.UNRECORDED_TRANSACTION_ID, reply.transactionId(),
                "no id is taken from the sequence for a charge point nobody registered");
        assertEquals(TransactionService.UNRECORDED_TRANSACTION_ID, again.transactionId());
        assertTrue(admin.find(ghost).isEmpty());
        assertTrue(transactions.list(ghost, null, 0, 10).isEmpty());

        // the ids the system hands out afterwards never collide with it (more than one allocation block)
        String cp = chargePoint("after-ghost");
        Set<Integer> ids = new HashSet<>();
        for (int meter = 0; meter < 120; meter++) {
            ids.add(transactions.start(start(cp, 1, tag, meter, now())).transactionId());
        }
        assertEquals(120, ids.size());
        assertFalse(ids.contains(reply.transactionId()), "transaction id " + reply.transactionId() + " was reused");
        assertFalse(ids.contains(again.transactionId()), "transaction id " + again.transactionId() + " was reused");
        assertTrue(transactions.find(reply.transactionId()).isEmpty());
    }

    // ---- StopReport ----------------------------------------------------------------------

    @Test
    void stopRecordsMeterStopTimeReasonTagAndEnergy() {
        String cp = chargePoint("stop");
        String tag = idTag(null, null, null, false);
        String stopper = idTag(null, null, uniqueId("grp"), false);
        Instant started = now().minusSeconds(3600);
        int id = transactions.start(start(cp, 1, tag, 1000, started)).transactionId();
        Instant stopped = now().minusSeconds(10);
        Instant received = now();

        TransactionStopped reply = transactions.stop(new StopReport(cp, id, stopper, 3500, stopped,
                "EVDisconnected", List.of(), received));

        assertEquals(idTags.authorize(stopper), reply.idTagInfo());
        TransactionDetail tx = transactions.find(id).orElseThrow();
        assertAll(
                () -> assertEquals(1000, tx.meterStart()),
                () -> assertEquals(3500, tx.meterStop()),
                () -> assertEquals(started, tx.startTimestamp()),
                () -> assertEquals(stopped, tx.stopTimestamp()),
                () -> assertEquals("EVDisconnected", tx.stopReason()),
                () -> assertEquals(stopper, tx.stopIdTag()),
                () -> assertEquals(tag, tx.idTag()),
                () -> assertEquals(received, tx.stopReceivedAt()),
                () -> assertEquals(2500, tx.energyWh()));
        assertEquals(List.of(new TransactionView(id, cp, 1, tag, 1000, 3500, started, stopped, "EVDisconnected", 2500)),
                transactions.list(cp, false, 0, 10));
        assertTrue(transactions.list(cp, true, 0, 10).isEmpty());
        assertEquals(received, admin.find(cp).orElseThrow().lastSeen());
    }

    @Test
    void stopWithoutReasonIsLocalAndWithoutTagAnswersNoIdTagInfo() {
        String cp = chargePoint("local");
        String tag = idTag(null, null, null, false);
        int id = transactions.start(start(cp, 1, tag, 0, now().minusSeconds(60))).transactionId();

        TransactionStopped reply = transactions.stop(stop(cp, id, null, 42, now(), null, List.of()));

        assertNull(reply.idTagInfo());
        TransactionDetail tx = transactions.find(id).orElseThrow();
        assertEquals("Local", tx.stopReason());
        assertNull(tx.stopIdTag());
        assertEquals(42, tx.energyWh());
    }

    @Test
    void stopAnswersTheStatusOfItsTag() {
        String cp = chargePoint("stop-info");
        String tag = idTag(null, null, null, false);
        String parent = uniqueId("grp");
        String blocked = idTag("Blocked", null, parent, false);
        int id = transactions.start(start(cp, 1, tag, 0, now().minusSeconds(60))).transactionId();

        TransactionStopped reply = transactions.stop(stop(cp, id, blocked, 10, now(), "Remote", List.of()));

        assertEquals(new TagAuthorization(Verdict.BLOCKED, null, parent), reply.idTagInfo());
        assertEquals(blocked, transactions.find(id).orElseThrow().stopIdTag());
        // an unknown tag is Invalid, the stop is recorded all the same
        int other = transactions.start(start(cp, 2, tag, 0, now().minusSeconds(30))).transactionId();
        String nobody = uniqueId("nobody");
        assertEquals(TagAuthorization.invalid(), transactions.stop(stop(cp, other, nobody, 5, now(), null, List.of())).idTagInfo());
        assertEquals(nobody, transactions.find(other).orElseThrow().stopIdTag());
    }

    @Test
    void stopOfUnknownTransactionIsAnsweredAndChangesNothing() {
        String cp = chargePoint("stop-unk");
        String tag = idTag(null, null, null, false);
        Instant t = now();
        int id = transactions.start(start(cp, 1, tag, 0, t.minusSeconds(60))).transactionId();
        int unknown = transactions.start(start(uniqueId("ghost"), 1, tag, 0, t)).transactionId();
        List<MeterSample> data = List.of(sample(t.minusSeconds(1), "7"));

        TransactionStopped unknownReply = transactions.stop(stop(cp, unknown, tag, 100, t, null, data));
        TransactionStopped minusOne = transactions.stop(stop(cp, -1, null, 100, t, null, data));
        TransactionStopped ghostReply = transactions.stop(stop(uniqueId("ghost"), id, tag, 100, t, null, data));

        assertEquals(Verdict.ACCEPTED, unknownReply.idTagInfo().status());
        assertNotNull(minusOne);
        assertNull(minusOne.idTagInfo());
        assertNotNull(ghostReply);
        TransactionDetail tx = transactions.find(id).orElseThrow();
        assertNull(tx.stopTimestamp());
        assertNull(tx.meterStop());
        assertEquals(0, meterRows(cp));
        assertEquals(1, transactions.list(cp, true, 0, 10).size());
    }

    @Test
    void stopOfAnotherChargePointsTransactionIsIgnored() {
        String owner = chargePoint("owner");
        String intruder = chargePoint("intruder");
        String tag = idTag(null, null, null, false);
        int id = transactions.start(start(owner, 1, tag, 0, now().minusSeconds(60))).transactionId();

        transactions.stop(stop(intruder, id, tag, 100, now(), null, List.of(sample(now(), "100"))));

        assertNull(transactions.find(id).orElseThrow().stopTimestamp());
        assertEquals(0, meterRows(owner));
        assertEquals(0, meterRows(intruder));
    }

    @Test
    void repeatedIdenticalStopIsIdempotent() {
        String cp = chargePoint("stop-twice");
        String tag = idTag(null, null, null, false);
        Instant t = now().minusSeconds(600);
        int id = transactions.start(start(cp, 1, tag, 100, t)).transactionId();
        List<MeterSample> data = List.of(sample(t, "100", "Transaction.Begin"), sample(t.plusSeconds(300), "150"),
                sample(t.plusSeconds(500), "180", "Transaction.End"));
        StopReport request = new StopReport(cp, id, tag, 180, t.plusSeconds(500), "EVDisconnected", data,
                now());

        TransactionStopped first = transactions.stop(request);
        TransactionDetail afterFirst = transactions.find(id).orElseThrow();
        TransactionStopped second = transactions.stop(request);
        TransactionStopped third = transactions.stop(new StopReport(cp, id, tag, 180, t.plusSeconds(500),
                "EVDisconnected", data, now().plusSeconds(20)));

        assertEquals(first, second);
        assertEquals(first, third);
        TransactionDetail tx = transactions.find(id).orElseThrow();
        assertEquals(afterFirst, tx);
        assertEquals(request.receivedAt(), tx.stopReceivedAt());
        assertEquals(80, tx.energyWh());
        assertEquals(3, tx.meterValues().size());
        assertEquals(3, meterRows(cp));
    }

    @Test
    void differentSecondStopIsIgnored() {
        String cp = chargePoint("stop-diff");
        String tag = idTag(null, null, null, false);
        String other = idTag(null, null, null, false);
        Instant t = now().minusSeconds(600);
        int id = transactions.start(start(cp, 1, tag, 100, t)).transactionId();
        Instant stopped = t.plusSeconds(300);
        Instant received = now();
        transactions.stop(new StopReport(cp, id, tag, 300, stopped, "Local", List.of(sample(stopped, "300")),
                received));

        TransactionStopped later = transactions.stop(new StopReport(cp, id, other, 999, t.plusSeconds(400),
                "Remote", List.of(sample(t.plusSeconds(400), "999")), now().plusSeconds(5)));
        TransactionStopped sameMeterOtherTime = transactions.stop(new StopReport(cp, id, tag, 300,
                t.plusSeconds(301), "Local", List.of(), now().plusSeconds(6)));

        assertEquals(Verdict.ACCEPTED, later.idTagInfo().status());
        assertNotNull(sameMeterOtherTime);
        TransactionDetail tx = transactions.find(id).orElseThrow();
        assertAll(
                () -> assertEquals(300, tx.meterStop()),
                () -> assertEquals(stopped, tx.stopTimestamp()),
                () -> assertEquals("Local", tx.stopReason()),
                () -> assertEquals(tag, tx.stopIdTag()),
                () -> assertEquals(received, tx.stopReceivedAt()),
                () -> assertEquals(200, tx.energyWh()),
                () -> assertEquals(List.of(view(sample(stopped, "300"))), tx.meterValues()));
        assertEquals(1, meterRows(cp));
    }

    // ---- meter values -------------------------------------------------------------------------

    @Test
    void meterValuesOfReportsAndStopAppearOnceEachOrderedByTime() {
        String cp = chargePoint("mv");
        String tag = idTag(null, null, null, false);
        Instant t = now().minusSeconds(3600);
        int id = transactions.start(start(cp, 1, tag, 1000, t)).transactionId();
        MeterSample begin = sample(t, "1000", "Transaction.Begin");
        MeterSample energy1 = sample(t.plusSeconds(60), "1100");
        MeterSample voltage1 = new MeterSample(t.plusSeconds(60), "230.1", "Sample.Periodic", "Raw", "Voltage", "L1",
                "Outlet", "V");
        MeterSample voltage2 = new MeterSample(t.plusSeconds(60), "229.8", "Sample.Periodic", "Raw", "Voltage", "L2",
                "Outlet", "V");
        MeterSample energy2 = sample(t.plusSeconds(120), "1200");
        MeterSample clock = new MeterSample(t.plusSeconds(120), "1200", "Sample.Clock", "Raw", ENERGY, null,
                "Outlet", "Wh");
        MeterSample signed = new MeterSample(t.plusSeconds(150), "AB12CD", "Sample.Periodic", "SignedData", ENERGY,
                null, "Outlet", "Wh");
        MeterSample end = sample(t.plusSeconds(180), "1300", "Transaction.End");
        // reported out of order; the second report is redelivered
        MeterReport report1 = new MeterReport(cp, 1, id, List.of(voltage2, energy1, begin, voltage1),
                now());
        MeterReport report2 = new MeterReport(cp, 1, id, List.of(signed, clock, energy2), now());

        transactions.meterValues(report1);
        transactions.meterValues(report2);
        transactions.meterValues(report2);
        // the stop repeats samples reported already
        transactions.stop(new StopReport(cp, id, tag, 1300, t.plusSeconds(180), null,
                List.of(begin, energy1, energy2, end), now()));
        transactions.meterValues(report1);

        List<MeterValueView> values = transactions.find(id).orElseThrow().meterValues();
        // by time; at the same time by measurand, phase, location and context
        assertEquals(List.of(view(begin), view(energy1), view(voltage1), view(voltage2), view(clock), view(energy2),
                view(signed), view(end)), values);
        assertEquals(8, meterRows(cp));
    }

    @Test
    void meterSampleKeepsEveryField() {
        String cp = chargePoint("mv-fields");
        int id = transactions.start(start(cp, 3, idTag(null, null, null, false), 0, now())).transactionId();
        MeterSample s = new MeterSample(now(), "16.5", "Sample.Periodic", "Raw", "Current.Import", "L3-N", "Inlet", "A");

        transactions.meterValues(new MeterReport(cp, 3, id, List.of(s), now()));

        MeterValueView v = transactions.find(id).orElseThrow().meterValues().get(0);
        assertEquals(new MeterValueView(s.timestamp(), "Current.Import", "16.5", "A", "L3-N", "Sample.Periodic", "Inlet",
                "Raw"), v);
    }

    @Test
    void meterValuesNamingAnUnknownTransactionAreStoredUnlinked() {
        String cp = chargePoint("mv-unk");
        String other = chargePoint("mv-other");
        String tag = idTag(null, null, null, true);
        int mine = transactions.start(start(cp, 1, tag, 0, now().minusSeconds(60))).transactionId();
        int foreign = transactions.start(start(other, 1, tag, 0, now().minusSeconds(60))).transactionId();
        int unknown = transactions.start(start(uniqueId("ghost"), 1, tag, 0, now())).transactionId();
        Instant t = now();

        transactions.meterValues(new MeterReport(cp, 1, unknown, List.of(sample(t, "10")), now()));
        transactions.meterValues(new MeterReport(cp, 1, foreign, List.of(sample(t.plusSeconds(1), "11")), now()));
        transactions.meterValues(new MeterReport(cp, 1, -1, List.of(sample(t.plusSeconds(2), "12")), now()));

        assertEquals(3, meterRows(cp));
        assertEquals(3, unlinkedMeterRows(cp));
        assertTrue(transactions.find(mine).orElseThrow().meterValues().isEmpty());
        assertTrue(transactions.find(foreign).orElseThrow().meterValues().isEmpty());
        assertTrue(transactions.find(unknown).isEmpty());
        assertEquals(0, meterRows(other));
    }

    @Test
    void meterValuesOfUnregisteredChargePointAreIgnored() {
        String ghost = uniqueId("ghost");
        transactions.meterValues(new MeterReport(ghost, 1, null, List.of(sample(now(), "1")), now()));
        assertEquals(0, meterRows(ghost));
        assertTrue(admin.find(ghost).isEmpty());
    }

    @Test
    void unlinkedSampleIsLinkedWhenALaterReportNamesTheTransaction() {
        String cp = chargePoint("mv-link");
        String tag = idTag(null, null, null, false);
        Instant t = now().minusSeconds(120);
        int id = transactions.start(start(cp, 1, tag, 0, t)).transactionId();
        MeterSample a = sample(t.plusSeconds(10), "10");
        MeterSample b = sample(t.plusSeconds(20), "20");
        MeterSample c = sample(t.plusSeconds(30), "30");

        transactions.meterValues(new MeterReport(cp, 1, null, List.of(a, b), now()));
        assertEquals(2, unlinkedMeterRows(cp));
        assertTrue(transactions.find(id).orElseThrow().meterValues().isEmpty());

        transactions.meterValues(new MeterReport(cp, 1, id, List.of(a), now()));
        assertEquals(List.of(view(a)), transactions.find(id).orElseThrow().meterValues());

        // the stop's transactionData links what is still unlinked
        transactions.stop(stop(cp, id, tag, 30, t.plusSeconds(30), null, List.of(b, c)));
        assertEquals(List.of(view(a), view(b), view(c)), transactions.find(id).orElseThrow().meterValues());
        assertEquals(3, meterRows(cp));
        assertEquals(0, unlinkedMeterRows(cp));

        // a linked sample stays with its transaction: a report without one changes nothing
        transactions.meterValues(new MeterReport(cp, 1, null, List.of(a), now()));
        assertEquals(0, unlinkedMeterRows(cp));
        assertEquals(3, transactions.find(id).orElseThrow().meterValues().size());
    }

    @Test
    void sameSampleOnAnotherConnectorIsAnotherValue() {
        String cp = chargePoint("mv-conn");
        String tag = idTag(null, null, null, true);
        Instant t = now();
        int one = transactions.start(start(cp, 1, tag, 0, t.minusSeconds(10))).transactionId();
        int two = transactions.start(start(cp, 2, tag, 0, t.minusSeconds(10))).transactionId();
        MeterSample s = sample(t, "50");

        transactions.meterValues(new MeterReport(cp, 1, one, List.of(s), now()));
        transactions.meterValues(new MeterReport(cp, 2, two, List.of(s), now()));

        assertEquals(List.of(view(s)), transactions.find(one).orElseThrow().meterValues());
        assertEquals(List.of(view(s)), transactions.find(two).orElseThrow().meterValues());
        assertEquals(2, meterRows(cp));
    }

    // ---- offline replay -----------------------------------------------------------------------

    @Test
    void offlineReplayKeepsThePayloadTimesAndRecordsTheReceptionTimes() {
        String cp = chargePoint("offline");
        String tag = idTag(null, null, null, false);
        Instant started = now().minus(3, ChronoUnit.DAYS);
        Instant sampled = started.plus(1, ChronoUnit.HOURS);
        Instant stopped = started.plus(2, ChronoUnit.HOURS);
        Instant receivedStart = now();
        Instant receivedStop = receivedStart.plusMillis(300);

        TransactionStarted reply = transactions.start(new StartReport(cp, 1, tag, 100, null, started,
                receivedStart));
        int id = reply.transactionId();
        transactions.meterValues(new MeterReport(cp, 1, id, List.of(sample(sampled, "600")),
                receivedStart.plusMillis(100)));
        TransactionStopped stopReply = transactions.stop(new StopReport(cp, id, tag, 1100, stopped, null,
                List.of(sample(stopped, "1100", "Transaction.End")), receivedStop));

        assertEquals(Verdict.ACCEPTED, reply.idTagInfo().status());
        assertEquals(Verdict.ACCEPTED, stopReply.idTagInfo().status());
        TransactionDetail tx = transactions.find(id).orElseThrow();
        assertAll(
                () -> assertEquals(started, tx.startTimestamp()),
                () -> assertEquals(stopped, tx.stopTimestamp()),
                () -> assertEquals(receivedStart, tx.startReceivedAt()),
                () -> assertEquals(receivedStop, tx.stopReceivedAt()),
                () -> assertEquals(1000, tx.energyWh()),
                () -> assertEquals(List.of(view(sample(sampled, "600")), view(sample(stopped, "1100", "Transaction.End"))),
                        tx.meterValues()));
        assertEquals(receivedStop, admin.find(cp).orElseThrow().lastSeen());

        // a transaction started later but reported earlier lists before it
        int newer = transactions.start(start(cp, 2, idTag(null, null, null, false), 0, now())).transactionId();
        assertEquals(List.of(newer, id), transactions.list(cp, null, 0, 10).stream().map(TransactionView::id).toList());
    }

    // ---- listing ------------------------------------------------------------------------------

    @Test
    void listIsNewestFirstAndFiltersByChargePointAndActivity() {
        String cp = chargePoint("list");
        String otherCp = chargePoint("list-other");
        String tag = idTag(null, null, null, true);
        // far in the future: the newest of the whole database, also unfiltered
        Instant base = now().plus(3650, ChronoUnit.DAYS);
        int oldest = transactions.start(start(cp, 1, tag, 0, base.minusSeconds(300))).transactionId();
        int newest = transactions.start(start(cp, 2, tag, 0, base.minusSeconds(100))).transactionId();
        int middle = transactions.start(start(cp, 3, tag, 0, base.minusSeconds(200))).transactionId();
        int foreign = transactions.start(start(otherCp, 1, tag, 0, base.minusSeconds(150))).transactionId();
        transactions.stop(stop(otherCp, foreign, tag, 10, base.minusSeconds(140), null, List.of()));
        transactions.stop(stop(cp, middle, tag, 10, base.minusSeconds(50), null, List.of()));

        assertEquals(List.of(newest, middle, oldest), ids(transactions.list(cp, null, 0, 10)));
        assertEquals(List.of(newest, oldest), ids(transactions.list(cp, true, 0, 10)));
        assertEquals(List.of(middle), ids(transactions.list(cp, false, 0, 10)));
        assertEquals(List.of(newest, foreign, middle, oldest), ids(transactions.list(null, null, 0, 4)));
        assertEquals(List.of(foreign, middle), ids(transactions.list(null, false, 0, 2)));
        assertEquals(List.of(newest, oldest), ids(transactions.list(null, true, 0, 2)));

        // paging
        assertEquals(List.of(newest), ids(transactions.list(cp, null, 0, 1)));
        assertEquals(List.of(middle), ids(transactions.list(cp, null, 1, 1)));
        assertEquals(List.of(middle, oldest), ids(transactions.list(cp, null, 1, 5)));
        assertEquals(List.of(oldest), ids(transactions.list(cp, null, 2, 2)));
        assertTrue(transactions.list(cp, null, 3, 10).isEmpty());
        assertTrue(transactions.list(uniqueId("nobody"), null, 0, 10).isEmpty());

        // the whole list is ordered too
        List<Instant> starts = transactions.list(null, null, 0, 500).stream().map(TransactionView::startTimestamp)
                .toList();
        for (int i = 1; i < starts.size(); i++) {
            assertFalse(starts.get(i).isAfter(starts.get(i - 1)), "position " + i + ": " + starts);
        }
    }

    @Test
    void sameStartTimeListsTheLaterTransactionFirst() {
        String cp = chargePoint("list-tie");
        String tag = idTag(null, null, null, true);
        Instant t = now();
        int first = transactions.start(start(cp, 1, tag, 0, t)).transactionId();
        int second = transactions.start(start(cp, 2, tag, 0, t)).transactionId();
        assertTrue(second > first);
        assertEquals(List.of(second, first), ids(transactions.list(cp, null, 0, 10)));
    }

    @Test
    void findOfUnknownTransactionIsEmpty() {
        assertTrue(transactions.find(-1).isEmpty());
        assertTrue(transactions.find(Integer.MAX_VALUE).isEmpty());
    }

    @Test
    void deletingAChargePointRemovesItsTransactionsAndValues() {
        String cp = chargePoint("del");
        String tag = idTag(null, null, null, false);
        int id = transactions.start(start(cp, 1, tag, 0, now().minusSeconds(60))).transactionId();
        transactions.meterValues(new MeterReport(cp, 1, id, List.of(sample(now(), "5")), now()));
        activity.dataTransfer(cp, "org.opencsms", "Echo", "x", now());

        assertTrue(admin.delete(cp));

        assertTrue(transactions.find(id).isEmpty());
        assertEquals(0, meterRows(cp));
        assertEquals(0, dataTransfers(cp).size());
        // the tag is free again
        assertEquals(Verdict.ACCEPTED, transactions.authorizeStart(tag).status());
    }

    // ---- concurrent reports -------------------------------------------------------------------

    @Test
    void concurrentStartsWithTheSameTagAcceptOnlyOne() throws Exception {
        String tag = idTag(null, null, null, false);
        List<String> cps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cps.add(chargePoint("race" + i));
        }
        Instant at = now();

        List<TransactionStarted> replies = concurrently(cps.size(),
                i -> transactions.start(start(cps.get(i), 1, tag, 0, at)));

        assertEquals(1, replies.stream().filter(r -> r.idTagInfo().status() == Verdict.ACCEPTED).count(),
                replies::toString);
        assertEquals(cps.size() - 1,
                replies.stream().filter(r -> r.idTagInfo().status() == Verdict.CONCURRENT_TX).count(),
                replies::toString);
        assertEquals(cps.size(), replies.stream().map(TransactionStarted::transactionId).distinct().count());
    }

    @Test
    void concurrentlyRepeatedStartIsRecordedOnce() throws Exception {
        String cp = chargePoint("race-same");
        StartReport request = start(cp, 1, idTag(null, null, null, false), 10, now());

        List<TransactionStarted> replies = concurrently(6, i -> transactions.start(request));

        assertEquals(1, replies.stream().map(TransactionStarted::transactionId).distinct().count(), replies::toString);
        assertTrue(replies.stream().allMatch(r -> r.idTagInfo().status() == Verdict.ACCEPTED),
                replies::toString);
        assertEquals(1, transactionRows(cp));
    }

    @Test
    void concurrentlyRedeliveredMeterValuesAreStoredOnce() throws Exception {
        String cp = chargePoint("race-mv");
        Instant t = now().minusSeconds(60);
        int id = transactions.start(start(cp, 1, idTag(null, null, null, false), 0, t)).transactionId();
        MeterReport report = new MeterReport(cp, 1, id,
                List.of(sample(t.plusSeconds(1), "1"), sample(t.plusSeconds(2), "2"), sample(t.plusSeconds(3), "3")),
                now());

        concurrently(6, i -> {
            transactions.meterValues(report);
            return null;
        });

        assertEquals(3, transactions.find(id).orElseThrow().meterValues().size());
        assertEquals(3, meterRows(cp));
    }

    // ---- DataTransfer, firmware and diagnostics -----------------------------------------------

    @Test
    void dataTransferOfUnknownVendorIsUnknownVendorIdAndStored() {
        String cp = chargePoint("dt-unk");
        String vendor = "com.example." + uniqueId("v");

        DataTransferAnswer reply = activity.dataTransfer(cp, vendor, "Echo", "hello", now());

        assertEquals(VendorReply.UNKNOWN_VENDOR_ID, reply.status());
        assertNull(reply.data());
        List<DataTransferRecord> stored = dataTransfers(cp);
        assertEquals(1, stored.size());
        assertRecord(stored.get(0), vendor, "Echo", "hello", "UNKNOWN_VENDOR_ID");
    }

    @Test
    void echoIsAcceptedWithTheDataEchoedAndStored() {
        String cp = chargePoint("dt-echo");
        String data = "{\"ping\":\"" + uniqueId("d") + "\"}";

        DataTransferAnswer reply = activity.dataTransfer(cp, "org.opencsms", "Echo", data, now());

        assertEquals(new DataTransferAnswer(VendorReply.ACCEPTED, data), reply);
        List<DataTransferRecord> stored = dataTransfers(cp);
        assertEquals(1, stored.size());
        assertRecord(stored.get(0), "org.opencsms", "Echo", data, "ACCEPTED");

        // without data, echoed as none
        assertEquals(new DataTransferAnswer(VendorReply.ACCEPTED, null),
                activity.dataTransfer(cp, "org.opencsms", "Echo", null, now()));
        assertEquals(2, dataTransfers(cp).size());
    }

    @Test
    void otherMessageIdOfOurVendorIsUnknownMessageIdAndStored() {
        String cp = chargePoint("dt-msg");

        DataTransferAnswer reply = activity.dataTransfer(cp, "org.opencsms", "echo", "x", now());
        DataTransferAnswer none = activity.dataTransfer(cp, "org.opencsms", null, "y", now());

        assertEquals(new DataTransferAnswer(VendorReply.UNKNOWN_MESSAGE_ID, null), reply);
        assertEquals(new DataTransferAnswer(VendorReply.UNKNOWN_MESSAGE_ID, null), none);
        List<DataTransferRecord> stored = dataTransfers(cp);
        assertEquals(2, stored.size());
        DataTransferRecord first = stored.stream().filter(r -> "x".equals(r.getData())).findFirst().orElseThrow();
        DataTransferRecord second = stored.stream().filter(r -> "y".equals(r.getData())).findFirst().orElseThrow();
        assertRecord(first, "org.opencsms", "echo", "x", "UNKNOWN_MESSAGE_ID");
        assertRecord(second, "org.opencsms", null, "y", "UNKNOWN_MESSAGE_ID");
    }

    @Test
    void dataTransferOfUnregisteredChargePointIsAnsweredAndNotStored() {
        String ghost = uniqueId("ghost");
        String data = uniqueId("data");

        DataTransferAnswer reply = activity.dataTransfer(ghost, "org.opencsms", "Echo", data, now());

        assertNotNull(reply);
        assertEquals(0L, em.createQuery("select count(d) from DataTransferRecord d where d.data = :data", Long.class)
                .setParameter("data", data).getSingleResult());
        assertTrue(admin.find(ghost).isEmpty());
    }

    @Test
    void firmwareStatusIsShownAndAnOlderReportDoesNotOverwrite() {
        String cp = chargePoint("fw");
        Instant t = now();
        assertNull(admin.find(cp).orElseThrow().firmwareStatus());

        activity.firmwareStatus(cp, "Downloading", t);
        assertEquals("Downloading", admin.find(cp).orElseThrow().firmwareStatus());
        activity.firmwareStatus(cp, "Installed", t.plusSeconds(10));
        activity.firmwareStatus(cp, "Downloaded", t.plusSeconds(5));

        ChargePointView view = admin.find(cp).orElseThrow();
        assertEquals("Installed", view.firmwareStatus());
        assertNull(view.diagnosticsStatus());
        assertEquals(t.plusSeconds(10), view.lastSeen());
    }

    @Test
    void diagnosticsStatusIsShownAndAnOlderReportDoesNotOverwrite() {
        String cp = chargePoint("diag");
        Instant t = now();
        assertNull(admin.find(cp).orElseThrow().diagnosticsStatus());

        activity.diagnosticsStatus(cp, "Uploading", t);
        assertEquals("Uploading", admin.find(cp).orElseThrow().diagnosticsStatus());
        activity.diagnosticsStatus(cp, "Uploaded", t.plusSeconds(10));
        activity.diagnosticsStatus(cp, "UploadFailed", t.minusSeconds(10));

        ChargePointView view = admin.find(cp).orElseThrow();
        assertEquals("Uploaded", view.diagnosticsStatus());
        assertNull(view.firmwareStatus());
    }

    @Test
    void firmwareAndDiagnosticsOfUnregisteredChargePointAreIgnored() {
        String ghost = uniqueId("ghost");
        activity.firmwareStatus(ghost, "Installed", now());
        activity.diagnosticsStatus(ghost, "Uploaded", now());
        assertTrue(admin.find(ghost).isEmpty());
    }

    @Test
    void schemaWasMigratedToTheTransactionsVersion() {
        Number applied = (Number) em.createNativeQuery(
                "select count(*) from \"flyway_schema_history\" where \"success\" = true and \"version\" = '2'")
                .getSingleResult();
        assertEquals(1, applied.intValue());
    }

    // ---- regressions ----------------------------------------------------------------------------

    /** Regression: .NET chargers send seven fractional digits; the database keeps six. */
    @Test
    void repeatsWithNanosecondTimestampsAreRecognised() {
        String cp = chargePoint("nanos");
        String tag = idTag("Accepted", null, null, true);
        Instant at = Instant.parse("2026-02-01T10:00:00.1234567Z");
        int first = transactions.start(start(cp, 1, tag, 10, at)).transactionId();
        assertEquals(first, transactions.start(start(cp, 1, tag, 10, at)).transactionId());
        MeterReport report = new MeterReport(cp, 1, first,
                List.of(sample(Instant.parse("2026-02-01T10:05:00.7654321Z"), "50")), now());
        transactions.meterValues(report);
        transactions.meterValues(report);
        transactions.stop(stop(cp, first, tag, 99, Instant.parse("2026-02-01T10:09:00.1111111Z"), null, List.of()));
        transactions.stop(stop(cp, first, tag, 99, Instant.parse("2026-02-01T10:09:00.1111111Z"), null,
                List.of(sample(Instant.parse("2026-02-01T10:09:00.1111111Z"), "99", "Transaction.End"))));
        assertEquals(1, transactionRows(cp));
        assertEquals(2, meterRows(cp), "the repeated stop still adds its missing sample");
    }

    /** Regression: OCPP 1.6 puts no length limit on DataTransfer data or sampled values. */
    @Test
    void longDataTransferAndSampledValuesAreStored() {
        String cp = chargePoint("long");
        String big = "x".repeat(50_000);
        assertEquals(VendorReply.UNKNOWN_VENDOR_ID,
                activity.dataTransfer(cp, "com.example", "m", big, now()).status());
        assertEquals(big, dataTransfers(cp).get(0).getData());
        transactions.meterValues(new MeterReport(cp, 1, null,
                List.of(new MeterSample(now(), big, "Sample.Periodic", "SignedData", ENERGY, null, "Outlet", "Wh")), now()));
        assertEquals(1, meterRows(cp));
    }

    /** Regression: OCPP IdTokens compare case-insensitively. */
    @Test
    void idTagsCompareCaseInsensitively() {
        String tag = idTag("Accepted", null, null, false);
        assertEquals(Verdict.ACCEPTED, idTags.authorize(tag.toUpperCase()).status());
        assertEquals(Verdict.ACCEPTED, idTags.authorize(tag.toLowerCase()).status());
        CmsException e = assertThrows(CmsException.class,
                () -> idTags.create(new IdTagView(tag.toUpperCase(), "Accepted", null, null, false)));
        assertEquals(Reason.CONFLICT, e.kind());
        String cp = chargePoint("case");
        transactions.start(start(cp, 1, tag.toLowerCase(), 0, now()));
        assertEquals(Verdict.CONCURRENT_TX, transactions.authorizeStart(tag.toUpperCase()).status());
    }

    /** Regression: a start that was refused never charged and must not block the tag's next start. */
    @Test
    void refusedStartDoesNotCountAsActiveForConcurrency() {
        String tag = idTag("Blocked", null, null, false);
        String cp = chargePoint("refused");
        assertEquals(Verdict.BLOCKED, transactions.start(start(cp, 1, tag, 0, now())).idTagInfo().status());
        idTags.update(tag, new IdTagView(null, "Accepted", null, null, false));
        assertEquals(Verdict.ACCEPTED, transactions.authorizeStart(tag).status());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Now, at the precision the database keeps every time stamp at. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private String chargePoint(String prefix) {
        String id = uniqueId(prefix);
        admin.register(new NewChargePoint(id, null, null));
        return id;
    }

    private String idTag(String status, Instant expiry, String parent, boolean concurrent) {
        String tag = uniqueId("tag");
        idTags.create(new IdTagView(tag, status, expiry, parent, concurrent));
        return tag;
    }

    /** Runs the calls at once (released together), each on a thread of its own, and returns their results. */
    private static <T> List<T> concurrently(int n, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static StartReport start(String cp, int connector, String tag, int meterStart, Instant at) {
        return new StartReport(cp, connector, tag, meterStart, null, at, now());
    }

    private static StopReport stop(String cp, int id, String tag, int meterStop, Instant at, String reason,
                                        List<MeterSample> data) {
        return new StopReport(cp, id, tag, meterStop, at, reason, data, now());
    }

    private static MeterSample sample(Instant at, String value) {
        return sample(at, value, "Sample.Periodic");
    }

    private static MeterSample sample(Instant at, String value, String context) {
        return new MeterSample(at, value, context, "Raw", ENERGY, null, "Outlet", "Wh");
    }

    private static MeterValueView view(MeterSample s) {
        return new MeterValueView(s.timestamp(), s.measurand(), s.value(), s.unit(), s.phase(), s.context(),
                s.location(), s.format());
    }

    private static List<Integer> ids(List<TransactionView> views) {
        return views.stream().map(TransactionView::id).toList();
    }

    private long transactionRows(String cp) {
        return em.createQuery("select count(t) from ChargingTransaction t where t.chargePoint.identity = :id", Long.class)
                .setParameter("id", cp).getSingleResult();
    }

    private long meterRows(String cp) {
        return em.createQuery("select count(m) from MeterReading m where m.chargePoint.identity = :id", Long.class)
                .setParameter("id", cp).getSingleResult();
    }

    private long unlinkedMeterRows(String cp) {
        return em.createQuery("select count(m) from MeterReading m where m.chargePoint.identity = :id "
                + "and m.transaction is null", Long.class).setParameter("id", cp).getSingleResult();
    }

    private List<DataTransferRecord> dataTransfers(String cp) {
        return em.createQuery("select d from DataTransferRecord d where d.chargePoint.identity = :id",
                DataTransferRecord.class).setParameter("id", cp).getResultList();
    }

    private static void assertRecord(DataTransferRecord r, String vendor, String messageId, String data, String status) {
        assertAll(
                () -> assertEquals(vendor, r.getVendorId()),
                () -> assertEquals(messageId, r.getMessageId()),
                () -> assertEquals(data, r.getData()),
                () -> assertEquals(status, r.getStatus()));
    }
}
