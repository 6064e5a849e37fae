package org.opencsms.ocpp;

import org.opencsms.ocpp.v16.V16;

/** An OCPP-J version as negotiated through the WebSocket subprotocol. */
public enum OcppVersion {
    OCPP16("ocpp1.6");

    private final String subprotocol;
    private volatile OcppCodec codec;

    OcppVersion(String subprotocol) {
        this.subprotocol = subprotocol;
    }

    public String subprotocol() {
        return subprotocol;
    }

    /** Exact, case-sensitive match of a Sec-WebSocket-Protocol entry (surrounding blanks ignored). */
    public static java.util.Optional<OcppVersion> fromSubprotocol(String value) {
        if (value == null) {
            return java.util.Optional.empty();
        }
        String v = value.strip();
        for (OcppVersion version : values()) {
            if (version.subprotocol.equals(v)) {
                return java.util.Optional.of(version);
            }
        }
        return java.util.Optional.empty();
    }

    public ActionRegistry registry() {
        return switch (this) {
            case OCPP16 -> V16.REGISTRY;
        };
    }

    /** The shared codec of this version (thread-safe). */
    public OcppCodec codec() {
        OcppCodec c = codec;
        if (c == null) {
            c = new OcppCodec(registry());
            codec = c;
        }
        return c;
    }
}
