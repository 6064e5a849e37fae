package org.opencsms.ocpp.v16;

import org.opencsms.ocpp.ActionDef;
import org.opencsms.ocpp.ActionRegistry;
import org.opencsms.ocpp.Direction;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.RpcError;

import java.util.List;
import java.util.Map;

import static org.opencsms.ocpp.Direction.CHARGER_TO_CSMS;
import static org.opencsms.ocpp.Direction.CSMS_TO_CHARGER;

/** The OCPP 1.6 action table and wire error codes. */
public final class V16 {
    private V16() {
    }

    // Charge point -> central system
    public static final ActionDef<AuthorizeRequest, AuthorizeResponse> AUTHORIZE =
            def("Authorize", CHARGER_TO_CSMS, AuthorizeRequest.class, AuthorizeResponse.class);
    public static final ActionDef<BootNotificationRequest, BootNotificationResponse> BOOT_NOTIFICATION =
            def("BootNotification", CHARGER_TO_CSMS, BootNotificationRequest.class, BootNotificationResponse.class);
    public static final ActionDef<DataTransferRequest, DataTransferResponse> DATA_TRANSFER_FROM_CHARGER =
            def("DataTransfer", CHARGER_TO_CSMS, DataTransferRequest.class, DataTransferResponse.class);
    public static final ActionDef<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse> DIAGNOSTICS_STATUS_NOTIFICATION =
            def("DiagnosticsStatusNotification", CHARGER_TO_CSMS, DiagnosticsStatusNotificationRequest.class, DiagnosticsStatusNotificationResponse.class);
    public static final ActionDef<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse> FIRMWARE_STATUS_NOTIFICATION =
            def("FirmwareStatusNotification", CHARGER_TO_CSMS, FirmwareStatusNotificationRequest.class, FirmwareStatusNotificationResponse.class);
    public static final ActionDef<HeartbeatRequest, HeartbeatResponse> HEARTBEAT =
            def("Heartbeat", CHARGER_TO_CSMS, HeartbeatRequest.class, HeartbeatResponse.class);
    public static final ActionDef<MeterValuesRequest, MeterValuesResponse> METER_VALUES =
            def("MeterValues", CHARGER_TO_CSMS, MeterValuesRequest.class, MeterValuesResponse.class);
    public static final ActionDef<StartTransactionRequest, StartTransactionResponse> START_TRANSACTION =
            def("StartTransaction", CHARGER_TO_CSMS, StartTransactionRequest.class, StartTransactionResponse.class);
    public static final ActionDef<StatusNotificationRequest, StatusNotificationResponse> STATUS_NOTIFICATION =
            def("StatusNotification", CHARGER_TO_CSMS, StatusNotificationRequest.class, StatusNotificationResponse.class);
    public static final ActionDef<StopTransactionRequest, StopTransactionResponse> STOP_TRANSACTION =
            def("StopTransaction", CHARGER_TO_CSMS, StopTransactionRequest.class, StopTransactionResponse.class);

    // Central system -> charge point
    public static final ActionDef<CancelReservationRequest, CancelReservationResponse> CANCEL_RESERVATION =
            def("CancelReservation", CSMS_TO_CHARGER, CancelReservationRequest.class, CancelReservationResponse.class);
    public static final ActionDef<ChangeAvailabilityRequest, ChangeAvailabilityResponse> CHANGE_AVAILABILITY =
            def("ChangeAvailability", CSMS_TO_CHARGER, ChangeAvailabilityRequest.class, ChangeAvailabilityResponse.class);
    public static final ActionDef<ChangeConfigurationRequest, ChangeConfigurationResponse> CHANGE_CONFIGURATION =
            def("ChangeConfiguration", CSMS_TO_CHARGER, ChangeConfigurationRequest.class, ChangeConfigurationResponse.class);
    public static final ActionDef<ClearCacheRequest, ClearCacheResponse> CLEAR_CACHE =
            def("ClearCache", CSMS_TO_CHARGER, ClearCacheRequest.class, ClearCacheResponse.class);
    public static final ActionDef<ClearChargingProfileRequest, ClearChargingProfileResponse> CLEAR_CHARGING_PROFILE =
            def("ClearChargingProfile", CSMS_TO_CHARGER, ClearChargingProfileRequest.class, ClearChargingProfileResponse.class);
    public static final ActionDef<DataTransferRequest, DataTransferResponse> DATA_TRANSFER_TO_CHARGER =
            def("DataTransfer", CSMS_TO_CHARGER, DataTransferRequest.class, DataTransferResponse.class);
    public static final ActionDef<GetCompositeScheduleRequest, GetCompositeScheduleResponse> GET_COMPOSITE_SCHEDULE =
            def("GetCompositeSchedule", CSMS_TO_CHARGER, GetCompositeScheduleRequest.class, GetCompositeScheduleResponse.class);
    public static final ActionDef<GetConfigurationRequest, GetConfigurationResponse> GET_CONFIGURATION =
            def("GetConfiguration", CSMS_TO_CHARGER, GetConfigurationRequest.class, GetConfigurationResponse.class);
    public static final ActionDef<GetDiagnosticsRequest, GetDiagnosticsResponse> GET_DIAGNOSTICS =
            def("GetDiagnostics", CSMS_TO_CHARGER, GetDiagnosticsRequest.class, GetDiagnosticsResponse.class);
    public static final ActionDef<GetLocalListVersionRequest, GetLocalListVersionResponse> GET_LOCAL_LIST_VERSION =
            def("GetLocalListVersion", CSMS_TO_CHARGER, GetLocalListVersionRequest.class, GetLocalListVersionResponse.class);
    public static final ActionDef<RemoteStartTransactionRequest, RemoteStartTransactionResponse> REMOTE_START_TRANSACTION =
            def("RemoteStartTransaction", CSMS_TO_CHARGER, RemoteStartTransactionRequest.class, RemoteStartTransactionResponse.class);
    public static final ActionDef<RemoteStopTransactionRequest, RemoteStopTransactionResponse> REMOTE_STOP_TRANSACTION =
            def("RemoteStopTransaction", CSMS_TO_CHARGER, RemoteStopTransactionRequest.class, RemoteStopTransactionResponse.class);
    public static final ActionDef<ReserveNowRequest, ReserveNowResponse> RESERVE_NOW =
            def("ReserveNow", CSMS_TO_CHARGER, ReserveNowRequest.class, ReserveNowResponse.class);
    public static final ActionDef<ResetRequest, ResetResponse> RESET =
            def("Reset", CSMS_TO_CHARGER, ResetRequest.class, ResetResponse.class);
    public static final ActionDef<SendLocalListRequest, SendLocalListResponse> SEND_LOCAL_LIST =
            def("SendLocalList", CSMS_TO_CHARGER, SendLocalListRequest.class, SendLocalListResponse.class);
    public static final ActionDef<SetChargingProfileRequest, SetChargingProfileResponse> SET_CHARGING_PROFILE =
            def("SetChargingProfile", CSMS_TO_CHARGER, SetChargingProfileRequest.class, SetChargingProfileResponse.class);
    public static final ActionDef<TriggerMessageRequest, TriggerMessageResponse> TRIGGER_MESSAGE =
            def("TriggerMessage", CSMS_TO_CHARGER, TriggerMessageRequest.class, TriggerMessageResponse.class);
    public static final ActionDef<UnlockConnectorRequest, UnlockConnectorResponse> UNLOCK_CONNECTOR =
            def("UnlockConnector", CSMS_TO_CHARGER, UnlockConnectorRequest.class, UnlockConnectorResponse.class);
    public static final ActionDef<UpdateFirmwareRequest, UpdateFirmwareResponse> UPDATE_FIRMWARE =
            def("UpdateFirmware", CSMS_TO_CHARGER, UpdateFirmwareRequest.class, UpdateFirmwareResponse.class);

    /** 1.6 wire codes; 1.6 has no code of its own for an unknown message type. */
    public static final Map<RpcError, String> ERROR_CODES = Map.ofEntries(
            Map.entry(RpcError.FORMAT, "FormationViolation"),
            Map.entry(RpcError.PROTOCOL, "ProtocolError"),
            Map.entry(RpcError.OCCURRENCE, "OccurenceConstraintViolation"), // sic, as in the 1.6 specification
            Map.entry(RpcError.TYPE, "TypeConstraintViolation"),
            Map.entry(RpcError.PROPERTY, "PropertyConstraintViolation"),
            Map.entry(RpcError.NOT_IMPLEMENTED, "NotImplemented"),
            Map.entry(RpcError.NOT_SUPPORTED, "NotSupported"),
            Map.entry(RpcError.INTERNAL, "InternalError"),
            Map.entry(RpcError.SECURITY, "SecurityError"),
            Map.entry(RpcError.GENERIC, "GenericError"),
            Map.entry(RpcError.MESSAGE_TYPE_NOT_SUPPORTED, "FormationViolation"));

    public static final ActionRegistry REGISTRY = new ActionRegistry(OcppVersion.OCPP16, ERROR_CODES, List.of(
            AUTHORIZE, BOOT_NOTIFICATION, DATA_TRANSFER_FROM_CHARGER, DIAGNOSTICS_STATUS_NOTIFICATION,
            FIRMWARE_STATUS_NOTIFICATION, HEARTBEAT, METER_VALUES, START_TRANSACTION, STATUS_NOTIFICATION,
            STOP_TRANSACTION,
            CANCEL_RESERVATION, CHANGE_AVAILABILITY, CHANGE_CONFIGURATION, CLEAR_CACHE, CLEAR_CHARGING_PROFILE,
            DATA_TRANSFER_TO_CHARGER, GET_COMPOSITE_SCHEDULE, GET_CONFIGURATION, GET_DIAGNOSTICS,
            GET_LOCAL_LIST_VERSION, REMOTE_START_TRANSACTION, REMOTE_STOP_TRANSACTION, RESERVE_NOW, RESET,
            SEND_LOCAL_LIST, SET_CHARGING_PROFILE, TRIGGER_MESSAGE, UNLOCK_CONNECTOR, UPDATE_FIRMWARE));

    private static <Q, R> ActionDef<Q, R> def(String name, Direction direction, Class<Q> request, Class<R> response) {
        return new ActionDef<>(name, direction, request, response);
    }
}
