package org.opencsms.api.messaging;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** JSON text of message bodies, the same binding on both sides of the queue. */
public final class Bodies {
    private static final Jsonb JSONB = JsonbBuilder.create();

    public static String toJson(Object body) {
        return JSONB.toJson(body);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    private Bodies() {
    }
}
