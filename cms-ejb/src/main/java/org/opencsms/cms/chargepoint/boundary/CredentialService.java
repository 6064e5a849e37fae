package org.opencsms.cms.chargepoint.boundary;

import java.util.Optional;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import org.opencsms.api.cms.ChargePointCredentials;
import org.opencsms.api.cms.HandshakeDecision;
import org.opencsms.cms.chargepoint.control.VerifiedCredentials;
import org.opencsms.cms.chargepoint.entity.ChargePoint;

/**
 * OCPP security profiles at the WebSocket upgrade. One read of the charge point; the slow PBKDF2 check
 * only when this node has not verified the same password against the same stored hash before
 * ({@link VerifiedCredentials}), so that a fleet reconnecting after a power cut costs hash look-ups.
 * Credentials for an id that is not registered are refused like a wrong password, after the same
 * work, so that the answer does not tell which ids exist.
 */
@Stateless
public class CredentialService implements ChargePointCredentials {
    @EJB
    ChargePoints chargePoints;
    @Inject
    VerifiedCredentials verified;

    @Override
    public Check check(String chargePointId, String password, boolean secure, int minProfile) {
        Optional<ChargePoint> found = chargePoints.byIdentity(chargePointId);
        if (found.isEmpty()) {
            if (password != null) {
                verified.wasteTimeLikeAMismatch(password);
                return new Check(HandshakeDecision.UNAUTHORIZED, 0);
            }
            // unknown charge points may connect without credentials (their BootNotification is rejected, or
            // auto-registered), unless the deployment accepts no profile-0 charge points
            return new Check(minProfile > 0 ? HandshakeDecision.UNAUTHORIZED : HandshakeDecision.ACCEPT, 0);
        }
        ChargePoint cp = found.get();
        int profile = cp.getSecurityProfile();
        if (profile < minProfile) {
            return new Check(HandshakeDecision.UNAUTHORIZED, profile);
        }
        if (profile >= 2 && !secure) {
            return new Check(HandshakeDecision.INSECURE_TRANSPORT, profile);
        }
        if (cp.getPasswordHash() != null && !verified.matches(chargePointId, password, cp.getPasswordHash())) {
            return new Check(HandshakeDecision.UNAUTHORIZED, profile);
        }
        return new Check(HandshakeDecision.ACCEPT, profile, cp.getValidationMode());
    }
}
