package org.opencsms.gateway.rest;

import jakarta.ws.rs.BadRequestException;

/** 400 with a message for the caller. */
public class BadRequest extends BadRequestException {
    public BadRequest(String message) {
        super(message);
    }
}
