package org.opencsms.cms.chargepoint.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.opencsms.cms.platform.PasswordHasher;

/**
 * Passwords this node has verified with PBKDF2, remembered as a SHA-256 of (stored hash, password):
 * a repeat of the same password against the same stored hash is accepted without another PBKDF2. A
 * changed password changes the stored hash, so nothing stale is ever accepted; the plain password is
 * never kept. Bounded: when full, the memory is cleared and rebuilt by the next checks.
 */
@ApplicationScoped
public class VerifiedCredentials {
    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentMap<String, byte[]> byChargePoint = new ConcurrentHashMap<>();
    /**
     * PBKDF2 checks running at once on this node: a storm of wrong passwords takes at most these CPU
     * threads, not all of them; a check that finds none free within a few seconds fails (the charge point
     * gets 503 and comes back).
     */
    private final java.util.concurrent.Semaphore slowChecks = new java.util.concurrent.Semaphore(2, true);
    /** A stored hash of a random password, for the same work on an unknown id. */
    private final String decoy = PasswordHasher.hash(java.util.UUID.randomUUID().toString());

    public boolean matches(String chargePointId, String password, String storedHash) {
        if (password == null) {
            return false;
        }
        byte[] digest = digest(storedHash, password);
        byte[] known = byChargePoint.get(chargePointId);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        if (!slowMatches(password, storedHash)) {
            return false;
        }
        if (byChargePoint.size() >= MAX_ENTRIES) {
            byChargePoint.clear();
        }
        byChargePoint.put(chargePointId, digest);
        return true;
    }

    /** The work of a mismatch, for credentials of an id that is not registered. */
    public void wasteTimeLikeAMismatch(String password) {
        slowMatches(password, decoy);
    }

    private boolean slowMatches(String password, String storedHash) {
        try {
            if (!slowChecks.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("too many password checks at once");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        try {
            return PasswordHasher.matches(password, storedHash);
        } finally {
            slowChecks.release();
        }
    }

    private static byte[] digest(String storedHash, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
