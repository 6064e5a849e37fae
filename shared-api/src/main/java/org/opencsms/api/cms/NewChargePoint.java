package org.opencsms.api.cms;

/**
 * A charge point to register.
 *
 * @param password        its AuthorizationKey for HTTP Basic on the upgrade; null: none required
 * @param securityProfile 1 (ws or wss, Basic when a password is set) or 2 (wss only); null: 1
 */
public record NewChargePoint(String id, String password, Integer securityProfile) {
}
