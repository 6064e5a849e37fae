package org.opencsms.cms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void hashMatchesOnlyItsPassword() {
        String hash = PasswordHasher.hash("AuthKey-0123456789");
        assertTrue(PasswordHasher.matches("AuthKey-0123456789", hash));
        assertFalse(PasswordHasher.matches("AuthKey-0123456788", hash));
        assertFalse(PasswordHasher.matches("", hash));
        assertFalse(PasswordHasher.matches(null, hash));
    }

    @Test
    void hashIsSaltedAndKeepsItsParameters() {
        String a = PasswordHasher.hash("same");
        String b = PasswordHasher.hash("same");
        assertNotEquals(a, b);
        String[] parts = a.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 100_000);
        assertFalse(a.contains("same"));
    }

    @Test
    void malformedStoredValuesNeverMatch() {
        assertFalse(PasswordHasher.matches("pw", null));
        assertFalse(PasswordHasher.matches("pw", "pw"));
        assertFalse(PasswordHasher.matches("pw", "md5$1$abc$def"));
        assertFalse(PasswordHasher.matches("pw", "pbkdf2-sha256$x$abc$def"));
        assertFalse(PasswordHasher.matches("pw", "pbkdf2-sha256$1000$!!!$def"));
    }
}
