package org.opencsms.ocpp;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps JSON payloads to and from the typed message records in one generic, reflective pass, checking the
 * schema constraints expressed by the records' types and annotations. Models are cached per record class.
 */
final class PayloadMapper {

    /** One problem found; {@code path} is like {@code meterValue[0].sampledValue[1].unit}. */
    record Violation(RpcError error, String path, String problem) {
        @Override
        public String toString() {
            return path.isEmpty() ? problem : path + ": " + problem;
        }
    }

    private static final Object INVALID = new Object();
    private static final int MAX_ECHO = 40;
    private static final int MAX_NUMBER_STRING = 40;
    private static final int MAX_ENUM_LENGTH = 64;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private static final ClassValue<RecordModel> MODELS = new ClassValue<>() {
        @Override
        protected RecordModel computeValue(Class<?> type) {
            return RecordModel.of(type);
        }
    };

    private final JsonProvider json;

    PayloadMapper(JsonProvider json) {
        this.json = json;
    }

    static RecordModel model(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return MODELS.get(type);
    }

    // ---- reading ----------------------------------------------------------------------------------------

    <T> T read(Class<T> type, JsonObject payload, List<Violation> out) {
        return read(type, payload, out, null);
    }

    /**
     * @param lenient null: strict, every departure from the schema is a violation; otherwise the common
     *                departures of real firmware ({@link Deviation.Kind}) are accepted and reported to it
     */
    <T> T read(Class<T> type, JsonObject payload, List<Violation> out, Consumer<Deviation> lenient) {
        Reading reading = new Reading(type.getSimpleName(), out, lenient);
        Object value = readRecord(model(type), payload, "", reading);
        return value == INVALID || !out.isEmpty() ? null : type.cast(value);
    }

    /** One read: where violations go, and the deviations tolerated (lenient null when strict). */
    private record Reading(String message, List<Violation> out, Consumer<Deviation> lenient) {
        boolean relaxed() {
            return lenient != null;
        }

        void tolerated(String path, Deviation.Kind kind, String detail) {
            lenient.accept(new Deviation(message, path, kind, detail));
        }
    }

    private Object readRecord(RecordModel model, JsonObject obj, String path, Reading reading) {
        List<Violation> out = reading.out();
        boolean ok = true;
        for (String key : obj.keySet()) {
            if (!model.byName.containsKey(key)) {
                if (reading.relaxed()) {
                    reading.tolerated(join(path, echoKey(key)), Deviation.Kind.UNKNOWN_PROPERTY, "");
                    continue;
                }
                out.add(new Violation(RpcError.FORMAT, join(path, key), "unknown property"));
                ok = false;
            }
        }
        Object[] args = new Object[model.components.size()];
        for (int i = 0; i < args.length; i++) {
            Component c = model.components.get(i);
            String p = join(path, c.name);
            JsonValue v = obj.get(c.name);
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                // null for an optional property is taken as absent: charge points send it, and it means nothing else
                if (!c.optional) {
                    out.add(new Violation(RpcError.OCCURRENCE, p, v == null ? "required property missing" : "required property is null"));
                    ok = false;
                }
                continue;
            }
            Object value = readValue(c.slot, v, p, reading);
            if (value == INVALID) {
                ok = false;
            } else {
                args[i] = value;
            }
        }
        if (!ok) {
            return INVALID;
        }
        try {
            return model.constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            out.add(new Violation(RpcError.PROPERTY, path, String.valueOf(e.getCause().getMessage())));
            return INVALID;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + model.type.getName(), e);
        }
    }

    private Object readValue(Slot slot, JsonValue v, String path, Reading reading) {
        List<Violation> out = reading.out();
        if (reading.relaxed()) {
            v = relax(slot, v, path, reading);
        }
        Object value;
        switch (slot.kind) {
            case STRING -> {
                if (!(v instanceof JsonString s)) {
                    return type(out, path, "expected string");
                }
                value = s.getString();
                if (((String) value).indexOf(0) >= 0) {
                    // no database stores U+0000 in text: refused before the charge point is answered, not
                    // answered and then failing to be stored
                    out.add(new Violation(RpcError.PROPERTY, path, "contains the character U+0000"));
                    return INVALID;
                }
            }
            case INTEGER, LONG -> {
                if (!(v instanceof JsonNumber n)) {
                    return type(out, path, "expected integer");
                }
                BigDecimal bd = n.bigDecimalValue();
                if (bd.signum() != 0 && bd.stripTrailingZeros().scale() > 0) {
                    // short: OcppCodec's FrameGuard bounds every number's length and exponent before parsing
                    return type(out, path, "expected integer, got " + bd.toPlainString());
                }
                int maxDigits = slot.kind == ValueKind.INTEGER ? 10 : 19;
                try {
                    if (bd.precision() - bd.scale() > maxDigits) {
                        throw new ArithmeticException();
                    }
                    value = slot.kind == ValueKind.INTEGER ? (Object) bd.intValueExact() : (Object) bd.longValueExact();
                } catch (ArithmeticException e) {
                    return type(out, path, "out of " + (slot.kind == ValueKind.INTEGER ? "int32" : "int64") + " range");
                }
            }
            case DECIMAL -> {
                if (!(v instanceof JsonNumber n)) {
                    return type(out, path, "expected number");
                }
                value = n.bigDecimalValue();
            }
            case BOOLEAN -> {
                if (v.getValueType() == JsonValue.ValueType.TRUE) {
                    value = Boolean.TRUE;
                } else if (v.getValueType() == JsonValue.ValueType.FALSE) {
                    value = Boolean.FALSE;
                } else {
                    return type(out, path, "expected boolean");
                }
            }
            case DATETIME -> {
                if (!(v instanceof JsonString s)) {
                    return type(out, path, "expected date-time string");
                }
                Instant t = parseDateTime(s.getString());
                if (t == null && reading.relaxed()) {
                    t = parseZonelessDateTime(s.getString());
                    if (t != null) {
                        reading.tolerated(path, Deviation.Kind.TIMESTAMP_WITHOUT_ZONE, echo(s.getString()));
                    }
                }
                if (t == null) {
                    return type(out, path, "not a valid date-time: " + echo(s.getString()));
                }
                value = t;
            }
            case ENUM -> {
                if (!(v instanceof JsonString s)) {
                    return type(out, path, "expected string");
                }
                value = slot.enumByWire.get(s.getString());
                if (value == null && reading.relaxed() && s.getString().length() <= MAX_ENUM_LENGTH) {
                    value = slot.enumByLowerCase.get(s.getString().toLowerCase(Locale.ROOT));
                    if (value != null) {
                        reading.tolerated(path, Deviation.Kind.ENUM_CASE, echo(s.getString()));
                    }
                }
                if (value == null) {
                    out.add(new Violation(RpcError.PROPERTY, path, echo(s.getString()) + " is not one of " + slot.enumList));
                    return INVALID;
                }
            }
            case OBJECT -> {
                if (!(v instanceof JsonObject o)) {
                    return type(out, path, "expected object");
                }
                value = o;
            }
            case RECORD -> {
                if (!(v instanceof JsonObject o)) {
                    return type(out, path, "expected object");
                }
                return readRecord(model(slot.raw), o, path, reading);
            }
            case LIST -> {
                if (!(v instanceof JsonArray a)) {
                    return type(out, path, "expected array");
                }
                boolean ok = checkSize(slot, a.size(), path, out);
                List<Object> items = new ArrayList<>(a.size());
                for (int i = 0; i < a.size(); i++) {
                    JsonValue item = a.get(i);
                    String p = path + '[' + i + ']';
                    Object o = item.getValueType() == JsonValue.ValueType.NULL
                            ? type(out, p, "null item")
                            : readValue(slot.item, item, p, reading);
                    if (o == INVALID) {
                        ok = false;
                    } else {
                        items.add(o);
                    }
                }
                return ok ? Collections.unmodifiableList(items) : INVALID;
            }
            default -> throw new IllegalStateException(slot.kind.toString());
        }
        return checkScalar(slot, value, path, out) ? value : INVALID;
    }

    private static Object type(List<Violation> out, String path, String problem) {
        out.add(new Violation(RpcError.TYPE, path, problem));
        return INVALID;
    }

    /**
     * Relaxed reading of a scalar: a number sent as a string where a number is expected (plain decimal
     * notation only, short: a string is not bounded by the frame guard's number rules), and a number where a
     * string is expected. Anything else is returned as is, to be judged by the strict rules.
     */
    private JsonValue relax(Slot slot, JsonValue v, String path, Reading reading) {
        switch (slot.kind) {
            case INTEGER, LONG, DECIMAL -> {
                if (v instanceof JsonString s) {
                    String text = s.getString().strip();
                    if (text.length() <= MAX_NUMBER_STRING && PLAIN_NUMBER.matcher(text).matches()) {
                        reading.tolerated(path, Deviation.Kind.NUMBER_AS_STRING, echo(s.getString()));
                        return json.createValue(new BigDecimal(text));
                    }
                }
            }
            case STRING -> {
                if (v instanceof JsonNumber n) {
                    reading.tolerated(path, Deviation.Kind.STRING_AS_NUMBER, n.toString());
                    return json.createValue(n.bigDecimalValue().toPlainString());
                }
            }
            default -> {
                // judged as sent
            }
        }
        return v;
    }

    // ---- constraints shared by reading and validating ------------------------------------------------------

    private static boolean checkScalar(Slot slot, Object value, String path, List<Violation> out) {
        int before = out.size();
        if (value instanceof String s) {
            if (slot.maxLength != null && s.codePointCount(0, s.length()) > slot.maxLength) {
                out.add(new Violation(RpcError.TYPE, path, "longer than " + slot.maxLength + " characters"));
            }
            if (slot.uri && !isAbsoluteUri(s)) {
                out.add(new Violation(RpcError.TYPE, path, "not a valid URI: " + echo(s)));
            }
        } else if (value instanceof Number) {
            BigDecimal bd = value instanceof BigDecimal b ? b : BigDecimal.valueOf(((Number) value).longValue());
            if (slot.min != null && bd.compareTo(BigDecimal.valueOf(slot.min)) < 0) {
                out.add(new Violation(RpcError.PROPERTY, path, "must be >= " + slot.min));
            }
            if (slot.multipleOf != null && bd.remainder(slot.multipleOf).signum() != 0) {
                out.add(new Violation(RpcError.PROPERTY, path, "must be a multiple of " + slot.multipleOf.toPlainString()));
            }
        }
        return out.size() == before;
    }

    private static boolean checkSize(Slot slot, int size, String path, List<Violation> out) {
        if (slot.minItems != null && size < slot.minItems) {
            out.add(new Violation(RpcError.OCCURRENCE, path, "fewer than " + slot.minItems + " items"));
            return false;
        }
        if (slot.maxItems != null && size > slot.maxItems) {
            out.add(new Violation(RpcError.OCCURRENCE, path, "more than " + slot.maxItems + " items"));
            return false;
        }
        return true;
    }

    private static boolean isAbsoluteUri(String s) {
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ---- validating records we are about to send ---------------------------------------------------------

    void validate(Object record, List<Violation> out) {
        validateRecord(model(record.getClass()), record, "", out);
    }

    private void validateRecord(RecordModel model, Object record, String path, List<Violation> out) {
        for (Component c : model.components) {
            String p = join(path, c.name);
            Object value = c.get(record);
            if (value == null) {
                if (!c.optional) {
                    out.add(new Violation(RpcError.OCCURRENCE, p, "required property missing"));
                }
            } else {
                validateValue(c.slot, value, p, out);
            }
        }
    }

    private void validateValue(Slot slot, Object value, String path, List<Violation> out) {
        switch (slot.kind) {
            case RECORD -> validateRecord(model(slot.raw), value, path, out);
            case LIST -> {
                List<?> list = (List<?>) value;
                checkSize(slot, list.size(), path, out);
                for (int i = 0; i < list.size(); i++) {
                    Object item = list.get(i);
                    if (item == null) {
                        out.add(new Violation(RpcError.TYPE, path + '[' + i + ']', "null item"));
                    } else {
                        validateValue(slot.item, item, path + '[' + i + ']', out);
                    }
                }
            }
            default -> checkScalar(slot, value, path, out);
        }
    }

    // ---- writing --------------------------------------------------------------------------------------

    JsonObject write(Object record) {
        if (record instanceof JsonObject o) {
            return o;
        }
        return writeRecord(model(record.getClass()), record);
    }

    private JsonObject writeRecord(RecordModel model, Object record) {
        JsonObjectBuilder b = json.createObjectBuilder();
        for (Component c : model.components) {
            Object value = c.get(record);
            if (value != null) {
                b.add(c.name, toJson(c.slot, value));
            }
        }
        return b.build();
    }

    private JsonValue toJson(Slot slot, Object value) {
        return switch (slot.kind) {
            case STRING -> json.createValue((String) value);
            case INTEGER -> json.createValue((Integer) value);
            case LONG -> json.createValue((Long) value);
            case DECIMAL -> json.createValue((BigDecimal) value);
            case BOOLEAN -> (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
            case DATETIME -> json.createValue(formatDateTime((Instant) value));
            case ENUM -> json.createValue(((WireEnum) value).wire());
            case OBJECT -> (JsonObject) value;
            case RECORD -> writeRecord(model(slot.raw), value);
            case LIST -> {
                JsonArrayBuilder a = json.createArrayBuilder();
                for (Object item : (List<?>) value) {
                    a.add(item == null ? JsonValue.NULL : toJson(slot.item, item));
                }
                yield a.build();
            }
        };
    }

    // ---- date-times ------------------------------------------------------------------------------------

    /** ISO-8601 with Z or an offset, with or without fractional seconds; null for anything else. */
    static Instant parseDateTime(String s) {
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A local date-time without an offset (ISO-8601, optional fraction), taken as UTC; null for anything else. */
    static Instant parseZonelessDateTime(String s) {
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** UTC with Z; milliseconds only when non-zero (Instant.toString prints no fraction for whole seconds). */
    static String formatDateTime(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + '.' + name;
    }

    /** A property name as it may appear in a log line: short, and only printable ASCII. */
    private static String echoKey(String key) {
        String cut = key.length() > MAX_ECHO ? key.substring(0, MAX_ECHO) + "..." : key;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static String echo(String s) {
        return "'" + (s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) + "..." : s) + "'";
    }

    // ---- models --------------------------------------------------------------------------------------

    enum ValueKind { STRING, INTEGER, LONG, DECIMAL, BOOLEAN, DATETIME, ENUM, OBJECT, RECORD, LIST }

    static final class RecordModel {
        final Class<?> type;
        final List<Component> components;
        final Map<String, Component> byName;
        final Constructor<?> constructor;

        private RecordModel(Class<?> type, List<Component> components, Constructor<?> constructor) {
            this.type = type;
            this.components = components;
            this.byName = components.stream().collect(Collectors.toMap(c -> c.name, c -> c, (a, b) -> a, LinkedHashMap::new));
            this.constructor = constructor;
        }

        static RecordModel of(Class<?> type) {
            RecordComponent[] rcs = type.getRecordComponents();
            List<Component> components = new ArrayList<>();
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                RecordComponent rc = rcs[i];
                types[i] = rc.getType();
                String where = type.getSimpleName() + '.' + rc.getName();
                Method accessor = rc.getAccessor();
                trySetAccessible(accessor);
                components.add(new Component(rc.getName(), rc.isAnnotationPresent(Optional.class),
                        Slot.of(rc.getAnnotatedType(), rc, where), accessor));
            }
            try {
                Constructor<?> ctor = type.getDeclaredConstructor(types);
                trySetAccessible(ctor);
                return new RecordModel(type, List.copyOf(components), ctor);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("no canonical constructor in " + type.getName(), e);
            }
        }

        private static void trySetAccessible(java.lang.reflect.AccessibleObject o) {
            try {
                o.setAccessible(true);
            } catch (RuntimeException e) {
                // public records of exported packages work without it
            }
        }
    }

    static final class Component {
        final String name;
        final boolean optional;
        final Slot slot;
        final Method accessor;

        Component(String name, boolean optional, Slot slot, Method accessor) {
            this.name = name;
            this.optional = optional;
            this.slot = slot;
            this.accessor = accessor;
        }

        Object get(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    static final class Slot {
        final ValueKind kind;
        final Class<?> raw;
        final Slot item;
        final Integer maxLength;
        final Long min;
        final BigDecimal multipleOf;
        final Integer minItems;
        final Integer maxItems;
        final boolean uri;
        final Map<String, Object> enumByWire;
        final Map<String, Object> enumByLowerCase;
        final String enumList;

        private Slot(ValueKind kind, Class<?> raw, Slot item, AnnotatedType at, RecordComponent rc, String where) {
            this.kind = kind;
            this.raw = raw;
            this.item = item;
            MaxLength maxLength = find(MaxLength.class, at, rc);
            Min min = find(Min.class, at, rc);
            MultipleOf multipleOf = find(MultipleOf.class, at, rc);
            MinItems minItems = find(MinItems.class, at, rc);
            MaxItems maxItems = find(MaxItems.class, at, rc);
            this.maxLength = maxLength == null ? null : maxLength.value();
            this.min = min == null ? null : min.value();
            this.multipleOf = multipleOf == null ? null : new BigDecimal(multipleOf.value());
            this.minItems = minItems == null ? null : minItems.value();
            this.maxItems = maxItems == null ? null : maxItems.value();
            this.uri = find(Uri.class, at, rc) != null;
            require(maxLength == null && !uri || kind == ValueKind.STRING, where, "@MaxLength/@Uri need a String");
            require(min == null || kind == ValueKind.INTEGER || kind == ValueKind.LONG || kind == ValueKind.DECIMAL, where, "@Min needs a number");
            require(multipleOf == null || kind == ValueKind.DECIMAL, where, "@MultipleOf needs a BigDecimal");
            require(minItems == null && maxItems == null || kind == ValueKind.LIST, where, "@MinItems/@MaxItems need a List");
            if (kind == ValueKind.ENUM) {
                Map<String, Object> byWire = new LinkedHashMap<>();
                for (Object e : raw.getEnumConstants()) {
                    byWire.put(((WireEnum) e).wire(), e);
                }
                this.enumByWire = Collections.unmodifiableMap(byWire);
                Map<String, Object> byLowerCase = new LinkedHashMap<>();
                byWire.forEach((wire, e) -> byLowerCase.putIfAbsent(wire.toLowerCase(Locale.ROOT), e));
                this.enumByLowerCase = Collections.unmodifiableMap(byLowerCase);
                this.enumList = String.join(", ", byWire.keySet());
            } else {
                this.enumByWire = null;
                this.enumByLowerCase = null;
                this.enumList = null;
            }
        }

        static Slot of(AnnotatedType at, RecordComponent rc, String where) {
            Type t = at.getType();
            Class<?> raw;
            if (t instanceof Class<?> c) {
                raw = c;
            } else if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
                raw = c;
            } else {
                throw new IllegalArgumentException(where + ": unsupported type " + t);
            }
            ValueKind kind;
            Slot item = null;
            if (raw == String.class) {
                kind = ValueKind.STRING;
            } else if (raw == Integer.class) {
                kind = ValueKind.INTEGER;
            } else if (raw == Long.class) {
                kind = ValueKind.LONG;
            } else if (raw == BigDecimal.class) {
                kind = ValueKind.DECIMAL;
            } else if (raw == Boolean.class) {
                kind = ValueKind.BOOLEAN;
            } else if (raw == Instant.class) {
                kind = ValueKind.DATETIME;
            } else if (raw.isEnum() && WireEnum.class.isAssignableFrom(raw)) {
                kind = ValueKind.ENUM;
            } else if (raw == JsonObject.class) {
                kind = ValueKind.OBJECT;
            } else if (raw.isRecord()) {
                kind = ValueKind.RECORD;
            } else if (raw == List.class && at instanceof AnnotatedParameterizedType pt) {
                kind = ValueKind.LIST;
                item = of(pt.getAnnotatedActualTypeArguments()[0], null, where + "[]");
            } else {
                throw new IllegalArgumentException(where + ": unsupported type " + t
                        + " (use String, Integer, Long, BigDecimal, Boolean, Instant, a WireEnum, JsonObject, a record or List<...>)");
            }
            return new Slot(kind, raw, item, at, rc, where);
        }

        private static <A extends Annotation> A find(Class<A> type, AnnotatedType at, RecordComponent rc) {
            A a = rc == null ? null : rc.getAnnotation(type);
            return a != null ? a : at.getAnnotation(type);
        }

        private static void require(boolean condition, String where, String message) {
            if (!condition) {
                throw new IllegalArgumentException(where + ": " + message);
            }
        }
    }

    static String describe(List<Violation> violations) {
        String first = violations.get(0).toString();
        int more = violations.size() - 1;
        return "Invalid " + first + (more > 0 ? " (and " + more + " more)" : "");
    }

    static List<String> strings(List<Violation> violations) {
        return violations.stream().map(Violation::toString).toList();
    }

}
