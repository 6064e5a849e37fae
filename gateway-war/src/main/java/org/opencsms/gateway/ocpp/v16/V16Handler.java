package org.opencsms.gateway.ocpp.v16;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.opencsms.api.messaging.Calls;
import org.opencsms.api.messaging.Contract;
import org.opencsms.api.messaging.Events.StatusChanged;
import org.opencsms.api.ocpp.Direction;
import org.opencsms.api.ocpp.OcppCodec;
import org.opencsms.api.ocpp.OcppException;
import org.opencsms.api.ocpp.OcppVersion;
import org.opencsms.api.ocpp.RpcError;
import org.opencsms.api.ocpp.v16.BootNotificationRequest;
import org.opencsms.api.ocpp.v16.BootNotificationResponse;
import org.opencsms.api.ocpp.v16.HeartbeatRequest;
import org.opencsms.api.ocpp.v16.HeartbeatResponse;
import org.opencsms.api.ocpp.v16.RegistrationStatus;
import org.opencsms.api.ocpp.v16.StatusNotificationRequest;
import org.opencsms.api.ocpp.v16.StatusNotificationResponse;
import org.opencsms.gateway.cms.CmsClient;
import org.opencsms.gateway.ocpp.VersionHandler;
import org.opencsms.gateway.session.ChargerConnection;

/**
 * Answers OCPP 1.6 chargers. Calls that need the CMS's answer go over the request queue; events are
 * published and answered once the broker has them.
 */
@ApplicationScoped
public class V16Handler implements VersionHandler {
    @Inject
    CmsClient cms;

    @Override
    public OcppVersion version() {
        return OcppVersion.OCPP16;
    }

    @Override
    public CompletionStage<Object> handle(ChargerConnection connection, String action, JsonObject payload)
            throws OcppException {
        OcppCodec codec = connection.codec();
        String id = connection.chargePointId();
        if (codec.registry().find(action, Direction.CHARGER_TO_CSMS).isEmpty()) {
            throw codec.registry().knows(action)
                    ? new OcppException(null, RpcError.NOT_SUPPORTED, action + " is not sent by a charge point")
                    : new OcppException(null, RpcError.NOT_IMPLEMENTED, "Unknown action " + action);
        }
        switch (action) {
            case "BootNotification": {
                BootNotificationRequest r = codec.readPayload(BootNotificationRequest.class, payload);
                return cms.call(Contract.BOOT, id, new Calls.Boot(id, r.chargePointVendor(), r.chargePointModel(),
                                r.chargePointSerialNumber(), r.chargeBoxSerialNumber(), r.firmwareVersion(), r.iccid(),
                                r.imsi(), r.meterType(), r.meterSerialNumber()))
                        .thenApply(b -> new BootNotificationResponse(status(b.status()), b.currentTime(), b.interval()));
            }
            case "Heartbeat": {
                codec.readPayload(HeartbeatRequest.class, payload);
                return cms.call(Contract.HEARTBEAT, id, new Calls.Heartbeat(id))
                        .thenApply(h -> new HeartbeatResponse(h.currentTime()));
            }
            case "StatusNotification": {
                StatusNotificationRequest r = codec.readPayload(StatusNotificationRequest.class, payload);
                cms.publish(Contract.STATUS_CHANGED, id, new StatusChanged(id, r.connectorId(), r.status().wire(),
                        r.errorCode().wire(), r.info(), r.vendorId(), r.vendorErrorCode(), r.timestamp(), Instant.now()));
                return CompletableFuture.completedFuture(new StatusNotificationResponse());
            }
            default:
                // known 1.6 action this central system does not handle yet
                throw new OcppException(null, RpcError.NOT_SUPPORTED, action + " is not supported yet");
        }
    }

    private static RegistrationStatus status(Calls.RegistrationStatus status) {
        return switch (status) {
            case ACCEPTED -> RegistrationStatus.ACCEPTED;
            case PENDING -> RegistrationStatus.PENDING;
            case REJECTED -> RegistrationStatus.REJECTED;
        };
    }
}
