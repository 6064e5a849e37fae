package org.opencsms.ocpp;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The actions of one OCPP version, keyed by (name, direction) because some actions (1.6 DataTransfer)
 * exist in both directions, plus the version's wire code for each {@link RpcError}.
 */
public final class ActionRegistry {
    private final OcppVersion version;
    private final Map<RpcError, String> errorCodes;
    private final Map<String, ActionDef<?, ?>> byKey = new LinkedHashMap<>();

    public ActionRegistry(OcppVersion version, Map<RpcError, String> errorCodes, List<ActionDef<?, ?>> actions) {
        this.version = Objects.requireNonNull(version, "version");
        EnumMap<RpcError, String> codes = new EnumMap<>(RpcError.class);
        codes.putAll(errorCodes);
        for (RpcError e : RpcError.values()) {
            if (codes.get(e) == null) {
                throw new IllegalArgumentException(version + ": no wire code for " + e);
            }
        }
        this.errorCodes = codes;
        for (ActionDef<?, ?> def : actions) {
            if (byKey.putIfAbsent(key(def.name(), def.direction()), def) != null) {
                throw new IllegalArgumentException(version + ": duplicate " + def.name() + " " + def.direction());
            }
        }
    }

    private static String key(String name, Direction direction) {
        return direction.name() + ':' + name;
    }

    public OcppVersion version() {
        return version;
    }

    public java.util.Optional<ActionDef<?, ?>> find(String action, Direction direction) {
        if (action == null || direction == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(byKey.get(key(action, direction)));
    }

    /** The action as a CSMS receives it in a CALL, i.e. in direction CHARGER_TO_CSMS. */
    public java.util.Optional<ActionDef<?, ?>> find(String action) {
        return find(action, Direction.CHARGER_TO_CSMS);
    }

    /** True when the action exists in this version in any direction (answer NotSupported rather than NotImplemented). */
    public boolean knows(String action) {
        return find(action, Direction.CHARGER_TO_CSMS).isPresent() || find(action, Direction.CSMS_TO_CHARGER).isPresent();
    }

    public Collection<ActionDef<?, ?>> all() {
        return List.copyOf(byKey.values());
    }

    /** The wire error code of this version for an error kind. */
    public String errorCode(RpcError e) {
        return errorCodes.get(Objects.requireNonNull(e, "error"));
    }

    /** The error kind of a received wire code (the first kind mapped to it), if it is one of this version's. */
    public java.util.Optional<RpcError> errorOf(String wireCode) {
        for (Map.Entry<RpcError, String> e : errorCodes.entrySet()) {
            if (e.getValue().equals(wireCode)) {
                return java.util.Optional.of(e.getKey());
            }
        }
        return java.util.Optional.empty();
    }
}
