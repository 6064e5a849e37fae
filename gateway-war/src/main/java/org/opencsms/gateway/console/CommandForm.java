package org.opencsms.gateway.console;

import java.io.Serializable;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.opencsms.ocpp.ActionDef;
import org.opencsms.ocpp.Direction;
import org.opencsms.ocpp.MaxLength;
import org.opencsms.ocpp.Min;
import org.opencsms.ocpp.Optional;
import org.opencsms.ocpp.OcppVersion;
import org.opencsms.ocpp.WireEnum;

/**
 * The command panel's forms, one per central-system action of the charge point's OCPP version, derived
 * from the action registry's request records: a new command in the registry gets its form with it. The
 * form only assembles the payload; the CMS validates it against the schema (its violations are shown).
 */
public final class CommandForm {
    public enum Kind { TEXT, NUMBER, DECIMAL, DATETIME, BOOLEAN, CHOICE, JSON }

    /** One input: a top-level field of the request payload. */
    public record Field(String name, Kind kind, boolean required, List<String> options, Integer maxLength,
                        Long min) implements Serializable {
        public String getName() {
            return name;
        }

        public String getKind() {
            return kind.name();
        }

        public boolean isRequired() {
            return required;
        }

        public List<String> getOptions() {
            return options;
        }

        public Integer getMaxLength() {
            return maxLength;
        }

        public String getHint() {
            return switch (kind) {
                case DATETIME -> "e.g. 2026-03-01T10:00:00Z";
                case JSON -> "JSON, as in the OCPP 1.6 specification";
                default -> maxLength == null ? "" : "up to " + maxLength + " characters";
            };
        }
    }

    /** A refusal of the form's input before anything is sent. */
    public static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    /** The central-system actions of a version, by name. */
    public static List<String> actions(OcppVersion version) {
        return version.registry().all().stream().filter(a -> a.direction() == Direction.CSMS_TO_CHARGER)
                .map(ActionDef::name).sorted().toList();
    }

    public static List<Field> fields(OcppVersion version, String action) {
        ActionDef<?, ?> def = version.registry().find(action, Direction.CSMS_TO_CHARGER).orElse(null);
        if (def == null || !def.requestType().isRecord()) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : def.requestType().getRecordComponents()) {
            fields.add(field(c));
        }
        fields.sort(Comparator.comparing((Field f) -> !f.required()));
        return fields;
    }

    private static Field field(RecordComponent c) {
        Class<?> type = c.getType();
        boolean required = !c.isAnnotationPresent(Optional.class);
        MaxLength max = c.getAnnotation(MaxLength.class);
        Min min = c.getAnnotation(Min.class);
        Integer maxLength = max == null ? null : max.value();
        Long minimum = min == null ? null : min.value();
        if (type == String.class) {
            return new Field(c.getName(), Kind.TEXT, required, List.of(), maxLength, null);
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return new Field(c.getName(), Kind.NUMBER, required, List.of(), null, minimum);
        }
        if (type == Double.class || type == double.class || type == BigDecimal.class) {
            return new Field(c.getName(), Kind.DECIMAL, required, List.of(), null, minimum);
        }
        if (type == Instant.class) {
            return new Field(c.getName(), Kind.DATETIME, required, List.of(), null, null);
        }
        if (type == Boolean.class || type == boolean.class) {
            return new Field(c.getName(), Kind.BOOLEAN, required, List.of(), null, null);
        }
        if (type.isEnum() && WireEnum.class.isAssignableFrom(type)) {
            List<String> options = Arrays.stream(type.getEnumConstants()).map(e -> ((WireEnum) e).wire()).toList();
            return new Field(c.getName(), Kind.CHOICE, required, options, null, null);
        }
        return new Field(c.getName(), Kind.JSON, required, List.of(), null, null);
    }

    /** The payload from the form's values (text as typed); empty optional fields are left out. */
    public static String payload(List<Field> fields, Map<String, String> values) throws InvalidInput {
        JsonObjectBuilder payload = Json.createObjectBuilder();
        for (Field f : fields) {
            String raw = values.get(f.name());
            String v = raw == null ? "" : raw.trim();
            if (v.isEmpty()) {
                if (f.required() && f.kind() != Kind.BOOLEAN) {
                    throw new InvalidInput(f.name() + " is required");
                }
                if (f.kind() != Kind.BOOLEAN || !f.required()) {
                    continue;
                }
            }
            switch (f.kind()) {
                case TEXT, CHOICE, DATETIME -> payload.add(f.name(), v);
                case NUMBER -> {
                    try {
                        payload.add(f.name(), Long.parseLong(v));
                    } catch (NumberFormatException e) {
                        throw new InvalidInput(f.name() + " must be a whole number");
                    }
                }
                case DECIMAL -> {
                    try {
                        payload.add(f.name(), new BigDecimal(v));
                    } catch (NumberFormatException e) {
                        throw new InvalidInput(f.name() + " must be a number");
                    }
                }
                case BOOLEAN -> payload.add(f.name(), Boolean.parseBoolean(v));
                case JSON -> {
                    try {
                        payload.add(f.name(), Json.createReader(new StringReader(v)).readValue());
                    } catch (JsonException | IllegalStateException e) {
                        throw new InvalidInput(f.name() + " must be JSON");
                    }
                }
            }
        }
        JsonObject built = payload.build();
        return built.toString();
    }

    private CommandForm() {
    }
}
