package org.opencsms.gateway.rest;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/** Request bodies read as JSON-P objects, for resources that check their properties themselves. */
final class JsonBodies {

    /**
     * @param wanted what the caller must send, as in "{wanted} is required"
     * @throws BadRequest for a missing body or one that is not a JSON object
     */
    static JsonObject object(String body, String wanted) {
        if (body == null || body.isBlank()) {
            throw new BadRequest(wanted + " is required");
        }
        try {
            return Json.createReader(new StringReader(body)).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new BadRequest("malformed JSON: " + wanted + " is required");
        }
    }

    private JsonBodies() {
    }
}
