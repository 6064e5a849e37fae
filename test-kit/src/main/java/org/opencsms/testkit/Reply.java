package org.opencsms.testkit;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

/** An HTTP answer: status and body, with the body read as JSON on demand. */
public record Reply(int status, String body) {
    public <T extends JsonStructure> T json() {
        @SuppressWarnings("unchecked")
        T value = (T) Json.createReader(new StringReader(body)).read();
        return value;
    }

    public JsonObject object() {
        return json();
    }

    public JsonArray array() {
        return json();
    }
}
