package org.opencsms.ocpp;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OCPP-J framing and strict payload mapping for one OCPP version. Thread-safe; keep one per version
 * ({@link OcppVersion#codec()}).
 */
public final class OcppCodec {
    public static final int MAX_MESSAGE_ID_LENGTH = 36;
    public static final int MAX_DESCRIPTION_LENGTH = 255;
    /** Sent as the id of a CALLERROR answering a frame whose id could not be read. */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    private static final int CALL = 2;
    private static final int CALLRESULT = 3;
    private static final int CALLERROR = 4;
    // best effort on broken JSON, so that the charge point can still match our CALLERROR to its frame
    private static final Pattern SALVAGE_ID = Pattern.compile("^\\s*\\[\\s*\\d+\\s*,\\s*\"([^\"\\\\]{1,36})\"");

    private final ActionRegistry registry;
    private final JsonProvider json;
    private final JsonParserFactory parsers;
    private final JsonWriterFactory writers;
    private final PayloadMapper mapper;
    /** null: strict; otherwise told of every deviation a relaxed codec tolerates. */
    private final Consumer<Deviation> lenient;

    public OcppCodec(ActionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.json = JsonProvider.provider();
        this.parsers = json.createParserFactory(Map.of());
        this.writers = json.createWriterFactory(Map.of());
        this.mapper = new PayloadMapper(json);
        this.lenient = null;
    }

    private OcppCodec(OcppCodec strict, Consumer<Deviation> lenient) {
        this.registry = strict.registry;
        this.json = strict.json;
        this.parsers = strict.parsers;
        this.writers = strict.writers;
        this.mapper = strict.mapper;
        this.lenient = lenient;
    }

    /**
     * The same codec reading payloads relaxed, for charge points whose firmware gets common things wrong:
     * unknown extra properties are ignored, timestamps without a zone are read as UTC, numbers sent as strings
     * (and strings sent as numbers) are converted, enumeration values are matched regardless of case. Each
     * such deviation is passed to {@code tolerated}; everything else is refused as strictly as ever. Framing and
     * what we send are unchanged. Cheap: one per connection is fine.
     */
    public OcppCodec relaxed(Consumer<Deviation> tolerated) {
        return new OcppCodec(this, Objects.requireNonNull(tolerated, "tolerated"));
    }

    /** Whether payloads are read relaxed ({@link #relaxed}). */
    public boolean isRelaxed() {
        return lenient != null;
    }

    public ActionRegistry registry() {
        return registry;
    }

    public OcppVersion version() {
        return registry.version();
    }

    // ---- framing -----------------------------------------------------------------------------------------

    /** Reads one OCPP-J frame; the payload is not validated here (see {@link #readPayload}). */
    public Frame parse(String text) throws OcppException {
        if (text == null || text.isBlank()) {
            throw new OcppException(null, RpcError.FORMAT, "Empty message");
        }
        String tooCostly = FrameGuard.problem(text);
        if (tooCostly != null) {
            throw new OcppException(salvageId(text), RpcError.FORMAT, tooCostly);
        }
        JsonValue root;
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            parser.next();
            root = parser.getValue();
            if (parser.hasNext()) { // a JsonReader would silently ignore trailing content
                throw new JsonParsingException("content after the message", parser.getLocation());
            }
        } catch (RuntimeException e) {
            // JsonException, and whatever else a parser throws on input it does not like (numbers it
            // cannot represent, ...): a bad frame is always the charge point's FormationViolation
            throw new OcppException(salvageId(text), RpcError.FORMAT, "Message is not valid JSON");
        }
        if (!(root instanceof JsonArray a)) {
            throw new OcppException(null, RpcError.FORMAT, "Message is not a JSON array");
        }
        String id = a.size() > 1 && a.get(1) instanceof JsonString s ? s.getString() : null;
        if (a.size() < 3) {
            throw new OcppException(id, RpcError.FORMAT, "Message has fewer than 3 elements");
        }
        if (!(a.get(0) instanceof JsonNumber typeNumber) || !typeNumber.isIntegral()) {
            throw new OcppException(id, RpcError.FORMAT, "Message type is not an integer");
        }
        if (id == null) {
            throw new OcppException(null, RpcError.FORMAT, "Message id is not a string");
        }
        if (id.isEmpty() || id.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new OcppException(id, RpcError.FORMAT, "Message id must have 1 to " + MAX_MESSAGE_ID_LENGTH + " characters");
        }
        BigDecimal type = typeNumber.bigDecimalValue();
        if (type.compareTo(BigDecimal.valueOf(CALL)) == 0) {
            expectSize(a, 4, 4, id, "CALL");
            if (!(a.get(2) instanceof JsonString action) || action.getString().isBlank()) {
                throw new OcppException(id, RpcError.FORMAT, "CALL action is not a non-empty string");
            }
            return new Call(id, action.getString(), object(a.get(3), id, "CALL payload"));
        }
        if (type.compareTo(BigDecimal.valueOf(CALLRESULT)) == 0) {
            expectSize(a, 3, 3, id, "CALLRESULT");
            return new CallResult(id, object(a.get(2), id, "CALLRESULT payload"));
        }
        if (type.compareTo(BigDecimal.valueOf(CALLERROR)) == 0) {
            expectSize(a, 4, 5, id, "CALLERROR");
            if (!(a.get(2) instanceof JsonString code)) {
                throw new OcppException(id, RpcError.FORMAT, "CALLERROR error code is not a string");
            }
            if (!(a.get(3) instanceof JsonString description)) {
                throw new OcppException(id, RpcError.FORMAT, "CALLERROR description is not a string");
            }
            // lenient on input: a missing or null details object is taken as {}
            JsonValue details = a.size() > 4 ? a.get(4) : JsonValue.NULL;
            JsonObject detailsObject = details.getValueType() == JsonValue.ValueType.NULL
                    ? JsonValue.EMPTY_JSON_OBJECT
                    : object(details, id, "CALLERROR details");
            return new CallError(id, code.getString(), description.getString(), detailsObject);
        }
        // the number is short: FrameGuard bounds the length and exponent of every number in a frame
        throw new OcppException(id, RpcError.MESSAGE_TYPE_NOT_SUPPORTED, "Unknown message type " + type.toPlainString());
    }

    private static void expectSize(JsonArray a, int min, int max, String id, String what) throws OcppException {
        if (a.size() < min || a.size() > max) {
            String expected = min == max ? String.valueOf(min) : min + " or " + max;
            throw new OcppException(id, RpcError.FORMAT, what + " must have " + expected + " elements, not " + a.size());
        }
    }

    private static JsonObject object(JsonValue v, String id, String what) throws OcppException {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new OcppException(id, RpcError.FORMAT, what + " is not a JSON object");
    }

    private static String salvageId(String text) {
        Matcher m = SALVAGE_ID.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    // ---- payloads ----------------------------------------------------------------------------------------

    /**
     * Validates a payload against a message record type and maps it, in one pass. All violations are
     * collected; the exception's error kind is that of the first. Its message id is null: add it with
     * {@link OcppException#withMessageId(String)}.
     */
    public <T> T readPayload(Class<T> type, JsonObject payload) throws OcppException {
        Objects.requireNonNull(type, "type");
        if (payload == null) {
            throw new OcppException(null, RpcError.FORMAT, "Payload missing");
        }
        List<PayloadMapper.Violation> violations = new ArrayList<>();
        T value = mapper.read(type, payload, violations, lenient);
        if (!violations.isEmpty()) {
            throw new OcppException(null, violations.get(0).error(), PayloadMapper.describe(violations),
                    PayloadMapper.strings(violations));
        }
        return value;
    }

    /** Typed record (or a JsonObject, returned as is) to JSON; absent optional properties are omitted. */
    public JsonObject writePayload(Object record) {
        return mapper.write(Objects.requireNonNull(record, "record"));
    }

    /** Violations of a record we are about to send (required, lengths, list sizes, minimums); empty when valid. */
    public List<String> validate(Object record) {
        Objects.requireNonNull(record, "record");
        if (record instanceof JsonObject) {
            return List.of();
        }
        List<PayloadMapper.Violation> violations = new ArrayList<>();
        mapper.validate(record, violations);
        return PayloadMapper.strings(violations);
    }

    // ---- writing frames ----------------------------------------------------------------------------------

    /** {@code [2,"id","Action",{...}]}; payload is a message record or a JsonObject. */
    public String call(String messageId, String action, Object payload) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        return write(json.createArrayBuilder().add(CALL).add(messageId).add(action).add(writePayload(payload)).build());
    }

    public String callResult(String messageId, Object payloadRecord) {
        return callResult(messageId, writePayload(payloadRecord));
    }

    public String callResult(String messageId, JsonObject payload) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
        return write(json.createArrayBuilder().add(CALLRESULT).add(messageId).add(payload).build());
    }

    /**
     * {@code [4,"id","WireCode","description",{}]}. A null id (unreadable frame) is sent as "-1"; the
     * description is cut to 255 characters.
     */
    public String callError(String messageId, RpcError error, String description) {
        Objects.requireNonNull(error, "error");
        return write(json.createArrayBuilder()
                .add(CALLERROR)
                .add(messageId == null ? UNKNOWN_MESSAGE_ID : messageId)
                .add(registry.errorCode(error))
                .add(truncate(description == null ? "" : description, MAX_DESCRIPTION_LENGTH))
                .add(JsonValue.EMPTY_JSON_OBJECT)
                .build());
    }

    /** The CALLERROR answering an exception, carrying its id, kind and description. */
    public String callError(OcppException e) {
        return callError(e.messageId(), e.error(), e.description());
    }

    public static String newMessageId() {
        return UUID.randomUUID().toString();
    }

    private String write(JsonArray frame) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = writers.createWriter(out)) {
            writer.writeArray(frame);
        }
        return out.toString();
    }

    private static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
