package org.opencsms.api.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.opencsms.api.messaging.Calls.*;
import org.opencsms.api.messaging.Events.*;

/**
 * Every exchange between gateway and CMS, listed once. The CMS dispatches on these names; a type
 * missing from {@link #CALLS} or {@link #EVENTS} cannot be sent or received.
 */
public final class Contract {
    public static final CallType<Ping, PingReply> PING = new CallType<>("Ping", Ping.class, PingReply.class);
    public static final CallType<Boot, BootReply> BOOT = new CallType<>("Boot", Boot.class, BootReply.class);
    public static final CallType<Heartbeat, HeartbeatReply> HEARTBEAT =
            new CallType<>("Heartbeat", Heartbeat.class, HeartbeatReply.class);
    public static final CallType<Authorize, AuthorizeReply> AUTHORIZE =
            new CallType<>("Authorize", Authorize.class, AuthorizeReply.class);
    public static final CallType<StartTransaction, StartTransactionReply> START_TRANSACTION =
            new CallType<>("StartTransaction", StartTransaction.class, StartTransactionReply.class);
    public static final CallType<StopTransaction, StopTransactionReply> STOP_TRANSACTION =
            new CallType<>("StopTransaction", StopTransaction.class, StopTransactionReply.class);
    public static final CallType<DataTransfer, DataTransferReply> DATA_TRANSFER =
            new CallType<>("DataTransfer", DataTransfer.class, DataTransferReply.class);

    public static final EventType<StatusChanged> STATUS_CHANGED = new EventType<>("StatusChanged", StatusChanged.class);
    public static final EventType<SessionOpened> SESSION_OPENED = new EventType<>("SessionOpened", SessionOpened.class);
    public static final EventType<SessionClosed> SESSION_CLOSED = new EventType<>("SessionClosed", SessionClosed.class);
    public static final EventType<NodeAlive> NODE_ALIVE = new EventType<>("NodeAlive", NodeAlive.class);
    public static final EventType<MeterValuesReported> METER_VALUES =
            new EventType<>("MeterValues", MeterValuesReported.class);
    public static final EventType<DiagnosticsStatusChanged> DIAGNOSTICS_STATUS =
            new EventType<>("DiagnosticsStatus", DiagnosticsStatusChanged.class);
    public static final EventType<FirmwareStatusChanged> FIRMWARE_STATUS =
            new EventType<>("FirmwareStatus", FirmwareStatusChanged.class);

    public static final List<CallType<?, ?>> CALLS = List.of(PING, BOOT, HEARTBEAT, AUTHORIZE,
            START_TRANSACTION, STOP_TRANSACTION, DATA_TRANSFER);
    public static final List<EventType<?>> EVENTS = List.of(STATUS_CHANGED, SESSION_OPENED, SESSION_CLOSED, NODE_ALIVE,
            METER_VALUES, DIAGNOSTICS_STATUS, FIRMWARE_STATUS);

    private static final Map<String, CallType<?, ?>> CALLS_BY_NAME =
            CALLS.stream().collect(Collectors.toUnmodifiableMap(CallType::name, Function.identity()));
    private static final Map<String, EventType<?>> EVENTS_BY_NAME =
            EVENTS.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    public static Optional<CallType<?, ?>> call(String name) {
        return Optional.ofNullable(name).map(CALLS_BY_NAME::get);
    }

    public static Optional<EventType<?>> event(String name) {
        return Optional.ofNullable(name).map(EVENTS_BY_NAME::get);
    }

    private Contract() {
    }
}
