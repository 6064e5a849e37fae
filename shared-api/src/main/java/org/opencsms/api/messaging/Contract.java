package org.opencsms.api.messaging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every exchange between gateway and CMS, derived from the sealed {@link Calls.Call} and
 * {@link Events.Event} hierarchies: adding a record there adds it here. The CMS dispatches on these
 * names and checks at deployment that it handles each of them.
 */
public final class Contract {
    /** The name of an exchange on the wire when it is not the record's simple name (kept for compatibility). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface WireName {
        String value();
    }

    public static final List<CallType<?, ?>> CALLS = Arrays.stream(Calls.Call.class.getPermittedSubclasses())
            .<CallType<?, ?>>map(Contract::callTypeOf).toList();
    public static final List<EventType<?>> EVENTS = Arrays.stream(Events.Event.class.getPermittedSubclasses())
            .<EventType<?>>map(c -> new EventType<>(wireName(c), c)).toList();

    private static final Map<String, CallType<?, ?>> CALLS_BY_NAME = index(CALLS, CallType::name);
    private static final Map<Class<?>, CallType<?, ?>> CALLS_BY_CLASS = index(CALLS, CallType::requestType);
    private static final Map<String, EventType<?>> EVENTS_BY_NAME = index(EVENTS, EventType::name);
    private static final Map<Class<?>, EventType<?>> EVENTS_BY_CLASS = index(EVENTS, EventType::bodyType);

    public static Optional<CallType<?, ?>> call(String name) {
        return Optional.ofNullable(name).map(CALLS_BY_NAME::get);
    }

    public static Optional<EventType<?>> event(String name) {
        return Optional.ofNullable(name).map(EVENTS_BY_NAME::get);
    }

    /** The exchange a request body belongs to. */
    @SuppressWarnings("unchecked")
    public static <Q extends Calls.Call<R>, R> CallType<Q, R> callType(Class<Q> requestType) {
        return (CallType<Q, R>) CALLS_BY_CLASS.get(requestType);
    }

    /** The exchange of a request. */
    public static CallType<?, ?> call(Calls.Call<?> request) {
        return CALLS_BY_CLASS.get(request.getClass());
    }

    /** The type of an event. */
    public static EventType<?> event(Events.Event event) {
        return EVENTS_BY_CLASS.get(event.getClass());
    }

    /** The event type of an event body. */
    @SuppressWarnings("unchecked")
    public static <E extends Events.Event> EventType<E> eventType(Class<E> bodyType) {
        return (EventType<E>) EVENTS_BY_CLASS.get(bodyType);
    }

    private static CallType<?, ?> callTypeOf(Class<?> request) {
        for (Type t : request.getGenericInterfaces()) {
            if (t instanceof ParameterizedType p && p.getRawType() == Calls.Call.class
                    && p.getActualTypeArguments()[0] instanceof Class<?> reply) {
                return new CallType<>(wireName(request), request, reply);
            }
        }
        throw new IllegalStateException(request + " implements Call without naming its reply class");
    }

    private static String wireName(Class<?> type) {
        WireName name = type.getAnnotation(WireName.class);
        return name == null ? type.getSimpleName() : name.value();
    }

    private static <K, T> Map<K, T> index(List<T> types, Function<T, K> key) {
        return types.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }

    private Contract() {
    }
}
