/**
 * The OCPP-J WebSocket endpoint: handshake checks, subprotocol choice, framing and the per-version dispatch.
 */
package org.opencsms.gateway.ocpp;
