package org.opencsms.ocpp;

/**
 * Abstract kinds of RPC errors; each {@link ActionRegistry} maps them to its version's wire codes
 * (e.g. FORMAT is "FormationViolation" in 1.6 and "FormatViolation" in 2.0.1).
 */
public enum RpcError {
    FORMAT,
    PROTOCOL,
    OCCURRENCE,
    TYPE,
    PROPERTY,
    NOT_IMPLEMENTED,
    NOT_SUPPORTED,
    INTERNAL,
    SECURITY,
    GENERIC,
    MESSAGE_TYPE_NOT_SUPPORTED
}
