package org.opencsms.api.cms;

/**
 * Checks a charge point's credentials at its WebSocket upgrade (OCPP security profiles 1 and 2: HTTP Basic
 * with the AuthorizationKey; profile 2 only over TLS). Called on the node that takes the upgrade,
 * directly and not over the broker: the upgrade must not wait for a queue that the node's own
 * threads serve.
 */
public interface ChargePointCredentials {

    /**
     * The decision, the charge point's security profile (0 for one that is not registered) and how strictly
     * its messages are to be validated on the connection this handshake opens (strict when not registered).
     */
    record Check(HandshakeDecision decision, int securityProfile, ValidationMode validation) {
        public Check(HandshakeDecision decision, int securityProfile) {
            this(decision, securityProfile, ValidationMode.STRICT);
        }
    }

    /**
     * @param minProfile the lowest security profile this deployment accepts (CSMS_MIN_SECURITY_PROFILE):
     *                   a charge point registered below it, or an unregistered one when it is above 0,
     *                   is refused as unauthorized
     */
    Check check(String chargePointId, String password, boolean secure, int minProfile);
}
