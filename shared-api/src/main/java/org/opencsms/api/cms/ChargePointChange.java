package org.opencsms.api.cms;

/**
 * A change to a registered charge point ({@code PUT /api/charge-points/{id}}); what is null stays as it is.
 *
 * @param password        empty: no password required any more; else the new AuthorizationKey
 * @param securityProfile 0, 1 or 2, going with the password as at registration
 * @param validation      {@code strict} or {@code relaxed} ({@link ValidationMode}); it applies from the charge
 *                        point's next connection
 */
public record ChargePointChange(String password, Integer securityProfile, String validation) {
}
