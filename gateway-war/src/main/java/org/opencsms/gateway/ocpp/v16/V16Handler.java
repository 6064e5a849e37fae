package org.opencsms.gateway.ocpp.v16;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.Events;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.api.messaging.TagAuthorization;
import org.opencsms.api.messaging.MeterSample;
import org.opencsms.ocpp.ActionDef;
import org.opencsms.ocpp.Direction;
import org.opencsms.ocpp.OcppCodec;
import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.RpcError;
import org.opencsms.ocpp.WireEnum;
import org.opencsms.ocpp.v16.AuthorizationStatus;
import org.opencsms.ocpp.v16.AuthorizeRequest;
import org.opencsms.ocpp.v16.AuthorizeResponse;
import org.opencsms.ocpp.v16.BootNotificationRequest;
import org.opencsms.ocpp.v16.BootNotificationResponse;
import org.opencsms.ocpp.v16.DataTransferRequest;
import org.opencsms.ocpp.v16.DataTransferResponse;
import org.opencsms.ocpp.v16.DataTransferStatus;
import org.opencsms.ocpp.v16.DiagnosticsStatusNotificationRequest;
import org.opencsms.ocpp.v16.DiagnosticsStatusNotificationResponse;
import org.opencsms.ocpp.v16.FirmwareStatusNotificationRequest;
import org.opencsms.ocpp.v16.FirmwareStatusNotificationResponse;
import org.opencsms.ocpp.v16.HeartbeatRequest;
import org.opencsms.ocpp.v16.HeartbeatResponse;
import org.opencsms.ocpp.v16.MeterValue;
import org.opencsms.ocpp.v16.MeterValuesRequest;
import org.opencsms.ocpp.v16.MeterValuesResponse;
import org.opencsms.ocpp.v16.RegistrationStatus;
import org.opencsms.ocpp.v16.StartTransactionRequest;
import org.opencsms.ocpp.v16.StartTransactionResponse;
import org.opencsms.ocpp.v16.StatusNotificationRequest;
import org.opencsms.ocpp.v16.StatusNotificationResponse;
import org.opencsms.ocpp.v16.StopTransactionRequest;
import org.opencsms.ocpp.v16.StopTransactionResponse;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.cms.EventBacklog;
import org.opencsms.gateway.ocpp.VersionHandler;
import org.opencsms.gateway.session.ChargePointConnection;

/**
 * Answers OCPP 1.6 charge points: the one place where 1.6 payloads meet the CMS's version-neutral calls.
 * Calls that need the CMS's answer go over the request queue; events are published and answered once
 * the broker has them. Every charge point-to-central-system action of the registry has an entry in
 * {@link #actions}; a missing one fails the deployment.
 */
@ApplicationScoped
public class V16Handler implements VersionHandler {
    @Inject
    CmsClient cms;
    @Inject
    EventBacklog backlog;

    @FunctionalInterface
    private interface Action {
        CompletionStage<Object> handle(String chargePointId, OcppCodec codec, JsonObject payload) throws OcppException;
    }

    private Map<String, Action> actions;

    @PostConstruct
    void init() {
        actions = Map.ofEntries(
                Map.entry("Authorize", this::authorize),
                Map.entry("BootNotification", this::boot),
                Map.entry("DataTransfer", this::dataTransfer),
                Map.entry("DiagnosticsStatusNotification", this::diagnosticsStatus),
                Map.entry("FirmwareStatusNotification", this::firmwareStatus),
                Map.entry("Heartbeat", this::heartbeat),
                Map.entry("MeterValues", this::meterValues),
                Map.entry("StartTransaction", this::startTransaction),
                Map.entry("StatusNotification", this::statusNotification),
                Map.entry("StopTransaction", this::stopTransaction));
        List<String> missing = OcppVersion.OCPP16.registry().all().stream()
                .filter(a -> a.direction() == Direction.CHARGER_TO_CSMS).map(ActionDef::name)
                .filter(name -> !actions.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("OCPP 1.6 actions without a handler: " + missing);
        }
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.OCPP16;
    }

    @Override
    public CompletionStage<Object> handle(ChargePointConnection connection, String action, JsonObject payload)
            throws OcppException {
        OcppCodec codec = connection.codec();
        Action handler = actions.get(action);
        if (handler == null) {
            throw codec.registry().knows(action)
                    ? new OcppException(null, RpcError.NOT_SUPPORTED, action + " is not sent by a charge point")
                    : new OcppException(null, RpcError.NOT_IMPLEMENTED, "Unknown action "
                            + org.opencsms.api.text.LogText.quote(action));
        }
        return handler.handle(connection.chargePointId(), codec, payload);
    }

    private CompletionStage<Object> boot(String id, OcppCodec codec, JsonObject payload) throws OcppException {
        BootNotificationRequest r = codec.readPayload(BootNotificationRequest.class, payload);
        return cms.call(id, new Calls.Boot(id, r.chargePointVendor(), r.chargePointModel(),
                        r.chargePointSerialNumber(), r.chargeBoxSerialNumber(), r.firmwareVersion(), r.iccid(),
                        r.imsi(), r.meterType(), r.meterSerialNumber()))
                .thenApply(b -> new BootNotificationResponse(registration(b.status()), b.currentTime(), b.interval()));
    }

    private CompletionStage<Object> heartbeat(String id, OcppCodec codec, JsonObject payload) throws OcppException {
        codec.readPayload(HeartbeatRequest.class, payload);
        return cms.call(id, new Calls.Heartbeat(id))
                .thenApply(h -> new HeartbeatResponse(h.currentTime()));
    }

    private CompletionStage<Object> statusNotification(String id, OcppCodec codec, JsonObject payload)
            throws OcppException {
        StatusNotificationRequest r = codec.readPayload(StatusNotificationRequest.class, payload);
        return publish(id, new StatusChanged(id, r.connectorId(), r.status().wire(),
                r.errorCode().wire(), r.info(), r.vendorId(), r.vendorErrorCode(), r.timestamp(), Instant.now()),
                new StatusNotificationResponse());
    }

    private CompletionStage<Object> authorize(String id, OcppCodec codec, JsonObject payload) throws OcppException {
        AuthorizeRequest r = codec.readPayload(AuthorizeRequest.class, payload);
        return cms.call(id, new Calls.Authorize(id, r.idTag()))
                .thenApply(a -> new AuthorizeResponse(idTagInfo(a.idTagInfo())));
    }

    private CompletionStage<Object> startTransaction(String id, OcppCodec codec, JsonObject payload)
            throws OcppException {
        StartTransactionRequest r = codec.readPayload(StartTransactionRequest.class, payload);
        return cms.call(id, new Calls.StartTransaction(id, r.connectorId(), r.idTag(),
                        r.meterStart(), r.reservationId(), r.timestamp(), Instant.now()))
                .thenApply(s -> new StartTransactionResponse(idTagInfo(s.idTagInfo()), s.transactionId()));
    }

    private CompletionStage<Object> stopTransaction(String id, OcppCodec codec, JsonObject payload)
            throws OcppException {
        StopTransactionRequest r = codec.readPayload(StopTransactionRequest.class, payload);
        return cms.call(id, new Calls.StopTransaction(id, r.transactionId(), r.idTag(),
                        r.meterStop(), r.timestamp(), r.reason() == null ? null : r.reason().wire(),
                        samples(r.transactionData()), Instant.now()))
                .thenApply(s -> new StopTransactionResponse(s.idTagInfo() == null ? null : idTagInfo(s.idTagInfo())));
    }

    private CompletionStage<Object> meterValues(String id, OcppCodec codec, JsonObject payload) throws OcppException {
        MeterValuesRequest r = codec.readPayload(MeterValuesRequest.class, payload);
        return publish(id, new Events.MeterValuesReported(id, r.connectorId(),
                r.transactionId(), samples(r.meterValue()), Instant.now()), new MeterValuesResponse());
    }

    private CompletionStage<Object> diagnosticsStatus(String id, OcppCodec codec, JsonObject payload)
            throws OcppException {
        DiagnosticsStatusNotificationRequest r = codec.readPayload(DiagnosticsStatusNotificationRequest.class, payload);
        return publish(id, new Events.DiagnosticsStatusChanged(id, r.status().wire(), Instant.now()),
                new DiagnosticsStatusNotificationResponse());
    }

    private CompletionStage<Object> firmwareStatus(String id, OcppCodec codec, JsonObject payload)
            throws OcppException {
        FirmwareStatusNotificationRequest r = codec.readPayload(FirmwareStatusNotificationRequest.class, payload);
        return publish(id, new Events.FirmwareStatusChanged(id, r.status().wire(), Instant.now()),
                new FirmwareStatusNotificationResponse());
    }

    private CompletionStage<Object> dataTransfer(String id, OcppCodec codec, JsonObject payload) throws OcppException {
        DataTransferRequest r = codec.readPayload(DataTransferRequest.class, payload);
        return cms.call(id, new Calls.DataTransfer(id, r.vendorId(), r.messageId(), r.data(),
                        Instant.now()))
                .thenApply(d -> new DataTransferResponse(dataTransferStatus(d.status()), d.data()));
    }

    /** Flattens 1.6 meter values, filling in the specification's defaults for absent fields. */
    static List<MeterSample> samples(List<MeterValue> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> v.sampledValue().stream().map(s -> new MeterSample(v.timestamp(),
                s.value(), wire(s.context(), "Sample.Periodic"), wire(s.format(), "Raw"),
                wire(s.measurand(), "Energy.Active.Import.Register"), wire(s.phase(), null),
                wire(s.location(), "Outlet"), wire(s.unit(), "Wh")))).toList();
    }

    private static String wire(WireEnum value, String fallback) {
        return value == null ? fallback : value.wire();
    }

    /**
     * Publishes a charge point's event once the event backlog admits it, then answers: the CALLRESULT
     * follows the broker's acknowledgement. A backlog over its limit for too long is a CALLERROR
     * InternalError (the charge point sends the event again later); nothing is answered that was not taken.
     */
    private CompletionStage<Object> publish(String id, Events.Event event, Object response) {
        return backlog.admission().handle((admitted, overload) -> overload).thenCompose(overload -> {
            if (overload != null) {
                return java.util.concurrent.CompletableFuture.failedFuture(new OcppException(null, RpcError.INTERNAL,
                        "the central system is overloaded; send it again later"));
            }
            return cms.publishAsync(id, event).thenApply(published -> response);
        });
    }

    private static org.opencsms.ocpp.v16.IdTagInfo idTagInfo(TagAuthorization info) {
        AuthorizationStatus status = switch (info.status()) {
            case ACCEPTED -> AuthorizationStatus.ACCEPTED;
            case BLOCKED -> AuthorizationStatus.BLOCKED;
            case EXPIRED -> AuthorizationStatus.EXPIRED;
            case INVALID -> AuthorizationStatus.INVALID;
            case CONCURRENT_TX -> AuthorizationStatus.CONCURRENT_TX;
        };
        return new org.opencsms.ocpp.v16.IdTagInfo(info.expiryDate(), info.parentIdTag(), status);
    }

    private static DataTransferStatus dataTransferStatus(Calls.DataTransferOutcome status) {
        return switch (status) {
            case ACCEPTED -> DataTransferStatus.ACCEPTED;
            case REJECTED -> DataTransferStatus.REJECTED;
            case UNKNOWN_MESSAGE_ID -> DataTransferStatus.UNKNOWN_MESSAGE_ID;
            case UNKNOWN_VENDOR_ID -> DataTransferStatus.UNKNOWN_VENDOR_ID;
        };
    }

    private static RegistrationStatus registration(Calls.Registration status) {
        return switch (status) {
            case ACCEPTED -> RegistrationStatus.ACCEPTED;
            case PENDING -> RegistrationStatus.PENDING;
            case REJECTED -> RegistrationStatus.REJECTED;
        };
    }
}
