package org.opencsms.gateway.ocpp;

import java.util.concurrent.CompletionStage;

import jakarta.json.JsonObject;

import org.opencsms.ocpp.OcppException;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.gateway.session.ChargePointConnection;

/** Answers the CALLs of charge points speaking one OCPP version, mapping them to version-neutral CMS calls. */
public interface VersionHandler {
    OcppVersion version();

    /**
     * @return the typed response record to send as CALLRESULT
     * @throws OcppException when the payload is invalid or the action not supported (sent as CALLERROR)
     */
    CompletionStage<Object> handle(ChargePointConnection connection, String action, JsonObject payload)
            throws OcppException;
}
