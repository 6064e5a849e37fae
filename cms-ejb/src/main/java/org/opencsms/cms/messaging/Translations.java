package org.opencsms.cms.messaging;

import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.Events;
import org.opencsms.cms.chargepoint.boundary.BootDecision;
import org.opencsms.cms.chargepoint.boundary.BootInfo;
import org.opencsms.cms.chargepoint.boundary.ConnectorReport;
import org.opencsms.cms.chargepoint.boundary.NodeHealth;
import org.opencsms.cms.chargepoint.control.DataTransferAnswer;
import org.opencsms.cms.transaction.boundary.MeterReport;
import org.opencsms.cms.transaction.boundary.StartReport;
import org.opencsms.cms.transaction.boundary.StopReport;
import org.opencsms.cms.transaction.boundary.TransactionStarted;
import org.opencsms.cms.transaction.boundary.TransactionStopped;

/** Between the gateway's message bodies and the CMS's domain operations: the domain sees no message. */
final class Translations {

    static BootInfo bootInfo(Calls.Boot b) {
        return new BootInfo(b.vendor(), b.model(), b.serialNumber(), b.chargeBoxSerialNumber(), b.firmwareVersion(),
                b.iccid(), b.imsi(), b.meterType(), b.meterSerialNumber());
    }

    static Calls.BootReply reply(BootDecision d) {
        return new Calls.BootReply(Calls.Registration.valueOf(d.status().name()), d.interval(), d.currentTime());
    }

    static Calls.PingReply reply(NodeHealth h) {
        return new Calls.PingReply(h.databaseUp(), h.eventsFromNode(), h.deadLetters());
    }

    static Calls.DataTransferReply reply(DataTransferAnswer a) {
        return new Calls.DataTransferReply(Calls.DataTransferOutcome.valueOf(a.status().name()), a.data());
    }

    static ConnectorReport connectorReport(Events.StatusChanged s) {
        return new ConnectorReport(s.connectorId(), s.status(), s.errorCode(), s.info(), s.vendorId(),
                s.vendorErrorCode(), s.timestamp());
    }

    static StartReport startReport(Calls.StartTransaction s) {
        return new StartReport(s.chargePointId(), s.connectorId(), s.idTag(), s.meterStart(), s.reservationId(),
                s.timestamp(), s.receivedAt());
    }

    static Calls.StartTransactionReply reply(TransactionStarted t) {
        return new Calls.StartTransactionReply(t.transactionId(), t.idTagInfo());
    }

    static StopReport stopReport(Calls.StopTransaction s) {
        return new StopReport(s.chargePointId(), s.transactionId(), s.idTag(), s.meterStop(), s.timestamp(), s.reason(),
                s.transactionData(), s.receivedAt());
    }

    static Calls.StopTransactionReply reply(TransactionStopped t) {
        return new Calls.StopTransactionReply(t.idTagInfo());
    }

    static MeterReport meterReport(Events.MeterValuesReported r) {
        return new MeterReport(r.chargePointId(), r.connectorId(), r.transactionId(), r.samples(), r.receivedAt());
    }

    private Translations() {
    }
}
