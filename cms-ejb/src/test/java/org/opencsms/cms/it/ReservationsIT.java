package org.opencsms.cms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.ejb.EJB;

import org.junit.jupiter.api.Test;
import org.opencsms.api.cms.ChargePointAdmin;
import org.opencsms.api.cms.CmsException;
import org.opencsms.api.cms.CmsException.Reason;
import org.opencsms.api.cms.IdTagView;
import org.opencsms.api.cms.NewChargePoint;
import org.opencsms.api.cms.NewReservation;
import org.opencsms.api.cms.ReservationView;
import org.opencsms.api.cms.TransactionClosing;
import org.opencsms.api.cms.TransactionDetail;
import org.opencsms.api.messaging.CommandResult;
import org.opencsms.api.messaging.CommandResult.Outcome;
import org.opencsms.api.messaging.MeterSample;
import org.opencsms.api.messaging.TagAuthorization.Verdict;
import org.opencsms.cms.authorization.boundary.IdTagService;
import org.opencsms.cms.reservation.boundary.ReservationRecords;
import org.opencsms.cms.transaction.boundary.MeterReport;
import org.opencsms.cms.transaction.boundary.StartReport;
import org.opencsms.cms.transaction.boundary.StopReport;
import org.opencsms.cms.transaction.boundary.TransactionService;

/**
 * The reservation records ({@link ReservationRecords}: validation, answers, use by a start, expiry) and the
 * operator's close of a transaction ({@link TransactionService#close}), in Payara Micro against its embedded H2.
 * The exchange with the charge point needs the broker: the ear's end-to-end tests cover it.
 */
class ReservationsIT extends CmsDeployment {
    @EJB
    ReservationRecords reservations;
    @EJB
    TransactionService transactions;
    @EJB
    IdTagService idTags;
    @EJB
    ChargePointAdmin admin;

    @Test
    void aReservationIsValidatedBeforeAnythingIsRecorded() {
        String cp = chargePoint();
        String tag = idTag(null, "GRP");
        String blocked = idTag("Blocked", null);
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class,
                () -> reservations.open("nope-" + cp, new NewReservation(1, tag, inAnHour(), null), "admin")).kind());
        CmsException e = assertThrows(CmsException.class, () -> reservations.open(cp,
                new NewReservation(-1, "no-such-tag", Instant.now().minusSeconds(1), null), "admin"));
        assertEquals(Reason.INVALID, e.kind());
        assertEquals(3, e.violations().size(), e.violations().toString());
        CmsException b = assertThrows(CmsException.class,
                () -> reservations.open(cp, new NewReservation(1, blocked, inAnHour(), null), "admin"));
        assertTrue(b.violations().get(0).contains("blocked"), b.violations().toString());
        assertEquals(List.of(), reservations.list(cp, null, 0, 10));
    }

    @Test
    void anAcceptedReservationIsUsedByTheStartNamingIt() {
        String cp = chargePoint();
        String other = chargePoint();
        String tag = idTag(null, "GRP");
        ReservationView opened = reservations.open(cp, new NewReservation(1, tag, inAnHour(), null), "alice");
        assertEquals("Pending", opened.status());
        assertEquals("GRP", opened.parentIdTag(), "the tag's parent when none is named");
        assertEquals("alice", opened.requestedBy());
        ReservationView accepted = reservations.reserveAnswered(opened.id(), 42, answer("Accepted"));
        assertEquals("Accepted", accepted.status());
        assertEquals(42L, accepted.reserveCommandId());
        assertEquals(List.of(accepted), reservations.list(cp, true, 0, 10));

        // another charge point naming it changes nothing
        transactions.start(new StartReport(other, 1, "someone-else", 0, opened.id(), Instant.now(), Instant.now()));
        assertEquals("Accepted", reservations.find(opened.id()).orElseThrow().status());

        int tx = transactions.start(new StartReport(cp, 1, tag, 0, opened.id(), Instant.now(), Instant.now()))
                .transactionId();
        ReservationView used = reservations.find(opened.id()).orElseThrow();
        assertEquals("Used", used.status());
        assertEquals(tx, used.transactionId());
        assertNull(used.note());
        assertEquals(opened.id(), transactions.find(tx).orElseThrow().reservationId());
        assertEquals(List.of(), reservations.list(cp, true, 0, 10));
        assertEquals(1, reservations.list(cp, false, 0, 10).size());
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class, () -> reservations.forCancel(opened.id())).kind());
        // a late ReserveNow answer does not undo the use
        assertEquals("Used", reservations.reserveAnswered(opened.id(), 42, answer("Accepted")).status());
    }

    @Test
    void refusalsErrorsAndCancelsAreRecorded() {
        String cp = chargePoint();
        String tag = idTag(null, null);
        int occupied = reservations.open(cp, new NewReservation(1, tag, inAnHour(), null), "admin").id();
        assertEquals("Occupied", reservations.reserveAnswered(occupied, 1, answer("Occupied")).status());
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class, () -> reservations.forCancel(occupied)).kind());

        int failed = reservations.open(cp, new NewReservation(1, tag, inAnHour(), null), "admin").id();
        ReservationView error = reservations.reserveAnswered(failed, 2,
                new CommandResult(Outcome.CALL_ERROR, null, "NotSupported", "no", "{}"));
        assertEquals("Error", error.status());
        assertEquals("NotSupported: no", error.note());

        int held = reservations.open(cp, new NewReservation(0, tag, inAnHour(), null), "admin").id();
        reservations.reserveAnswered(held, 3, answer("Accepted"));
        ReservationView refused = reservations.cancelAnswered(held, 4, answer("Rejected"), "bob");
        assertEquals("Accepted", refused.status());
        assertEquals("Rejected", refused.cancelStatus());
        ReservationView cancelled = reservations.cancelAnswered(held, 5, answer("Accepted"), "bob");
        assertEquals("Cancelled", cancelled.status());
        assertEquals(5L, cancelled.cancelCommandId());
        assertEquals("bob", cancelled.cancelledBy());
        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class, () -> reservations.forCancel(2_000_000_000)).kind());
    }

    @Test
    void theSweepExpiresOnlyWhatStillHolds() throws Exception {
        String cp = chargePoint();
        String tag = idTag(null, null);
        Instant soon = Instant.now().plusSeconds(1);
        int holding = reservations.open(cp, new NewReservation(1, tag, soon, null), "admin").id();
        reservations.reserveAnswered(holding, 1, answer("Accepted"));
        int refused = reservations.open(cp, new NewReservation(1, tag, soon, null), "admin").id();
        reservations.reserveAnswered(refused, 2, answer("Faulted"));
        Thread.sleep(1500);
        assertTrue(reservations.expire() >= 1);
        assertEquals("Expired", reservations.find(holding).orElseThrow().status());
        assertEquals("Faulted", reservations.find(refused).orElseThrow().status());
    }

    @Test
    void anOperatorsCloseTakesTheLastRegisterAndFreesTheTag() {
        String cp = chargePoint();
        String tag = idTag(null, null);
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        int tx = transactions.start(new StartReport(cp, 1, tag, 1000, null, start, Instant.now())).transactionId();
        transactions.meterValues(new MeterReport(cp, 1, tx, List.of(
                sample(start.plusSeconds(60), "2.5", "kWh"), sample(start.plusSeconds(120), "3.25", "kWh"),
                new MeterSample(start.plusSeconds(120), "16", "Sample.Periodic", "Raw", "Current.Import", "L1",
                        "Outlet", "A")), Instant.now()));
        assertEquals(Verdict.CONCURRENT_TX, transactions.authorizeStart(tag).status());

        TransactionDetail closed = transactions.close(tx, new TransactionClosing(null, null), "carol");
        assertEquals(3250, closed.meterStop());
        assertEquals("Other", closed.stopReason());
        assertEquals("carol", closed.closedBy());
        assertEquals(closed.closedAt(), closed.stopTimestamp());
        assertEquals(Verdict.ACCEPTED, transactions.authorizeStart(tag).status());
        assertEquals(Reason.CONFLICT, assertThrows(CmsException.class,
                () -> transactions.close(tx, null, "carol")).kind());

        // the charge point's stop after all: answered, the close stays, its values kept
        transactions.stop(new StopReport(cp, tx, tag, 9000, Instant.now(), "Local",
                List.of(sample(start.plusSeconds(600), "9", "kWh")), Instant.now()));
        TransactionDetail after = transactions.find(tx).orElseThrow();
        assertEquals(3250, after.meterStop());
        assertEquals("carol", after.closedBy());
        assertEquals(4, after.meterValues().size());

        assertEquals(Reason.NOT_FOUND, assertThrows(CmsException.class,
                () -> transactions.close(2_000_000_000, null, "carol")).kind());
        int other = transactions.start(new StartReport(cp, 2, tag, 500, null, Instant.now(), Instant.now())).transactionId();
        CmsException invalid = assertThrows(CmsException.class,
                () -> transactions.close(other, new TransactionClosing(-1, "Sideways"), "carol"));
        assertEquals(2, invalid.violations().size(), invalid.violations().toString());
        assertEquals(500, transactions.close(other, null, "carol").meterStop(), "no readings: meterStart");
    }

    private static CommandResult answer(String status) {
        return new CommandResult(Outcome.RESULT, "{\"status\":\"" + status + "\"}", null, null, null);
    }

    private static MeterSample sample(Instant at, String value, String unit) {
        return new MeterSample(at, value, "Sample.Periodic", "Raw", "Energy.Active.Import.Register", null, "Outlet", unit);
    }

    private static Instant inAnHour() {
        return Instant.now().plus(1, ChronoUnit.HOURS);
    }

    private String chargePoint() {
        String id = uniqueId("rsv");
        admin.register(new NewChargePoint(id, null, null));
        return id;
    }

    private String idTag(String status, String parent) {
        String tag = uniqueId("tag");
        idTags.create(new IdTagView(tag, status, null, parent, false));
        return tag;
    }
}
