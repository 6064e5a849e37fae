package org.opencsms.ocpp;

/** One OCPP-J RPC frame: CALL [2,...], CALLRESULT [3,...] or CALLERROR [4,...]. */
public sealed interface Frame permits Call, CallResult, CallError {
    String messageId();
}
