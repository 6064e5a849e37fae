package org.opencsms.cms.messaging;

import java.time.Duration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.EventType;
import org.opencsms.api.messaging.Events.DiagnosticsStatusChanged;
import org.opencsms.api.messaging.Events.FirmwareStatusChanged;
import org.opencsms.api.messaging.Events.MeterValuesReported;
import org.opencsms.api.messaging.Events.NodeAlive;
import org.opencsms.api.messaging.Events.SessionClosed;
import org.opencsms.api.messaging.Events.SessionOpened;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.cms.chargepoint.boundary.ChargePointActivity;
import org.opencsms.cms.firmware.boundary.FirmwareJobRecords;
import org.opencsms.cms.transaction.boundary.TransactionService;
import org.opencsms.cms.transaction.control.MeterValueWriter;

/**
 * Every charge point event type and the CMS operation that stores it, for the event listener and for the
 * replay of dead letters alike. Each operation is idempotent: an event handled twice is stored once.
 */
@ApplicationScoped
public class EventDispatcher {
    /** A MeterValues event not stored within this time fails (and is redelivered). */
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(60);

    @EJB
    ChargePointActivity activity;
    @EJB
    TransactionService transactions;
    @EJB
    FirmwareJobRecords firmwareJobs;
    @Inject
    MeterValueWriter meterValues;

    private Handlers handlers;

    @PostConstruct
    void init() {
        handlers = new Handlers()
                .onEvent(StatusChanged.class,
                        s -> activity.statusChanged(s.chargePointId(), Translations.connectorReport(s), s.receivedAt()))
                .onEvent(SessionOpened.class, s -> activity.sessionOpened(
                        s.chargePointId(), s.nodeId(), s.sessionId(), s.ocppVersion(), s.at()))
                .onEvent(SessionClosed.class,
                        s -> activity.sessionClosed(s.chargePointId(), s.sessionId(), s.at()))
                .onEvent(NodeAlive.class, n -> activity.nodeAlive(n.nodeId(), n.at(), n.startedAt()))
                .onEvent(MeterValuesReported.class,
                        r -> meterValues.store(Translations.meterReport(r), STORE_TIMEOUT))
                .onEvent(DiagnosticsStatusChanged.class,
                        d -> firmwareJobs.diagnosticsStatus(d.chargePointId(), d.status(), d.receivedAt()))
                .onEvent(FirmwareStatusChanged.class,
                        f -> firmwareJobs.firmwareStatus(f.chargePointId(), f.status(), f.receivedAt()))
                .complete(Contract.EVENTS.stream().map(EventType::name).toList());
    }

    /** An event as the broker delivered it. */
    void handle(String type, String chargePointId, String body, String messageId) {
        FaultHook.beforeHandling(type, chargePointId, false);
        handlers.handle(type, body);
        FaultHook.afterHandling(type, chargePointId, messageId);
    }

    /** A kept event, replayed by an operator. */
    public void replay(String type, String chargePointId, String body) {
        FaultHook.beforeHandling(type, chargePointId, true);
        handlers.handle(type, body);
    }
}
