package org.opencsms.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;

import org.opencsms.it.Server;

/**
 * What a test of "stored once" checks beyond the stored values, which the unique key would keep
 * single even if events were processed twice: no duplicate was even attempted (no unique-key violation
 * in any node's log since the mark) and nothing was set aside in the dead-letter store.
 */
final class Evidence {
    private static final List<String> DUPLICATE_SIGNS = List.of("duplicate key", "23505", "unique constraint",
            "Unique index or primary key violation");

    private final List<Long> before;

    private Evidence(List<Long> before) {
        this.before = before;
    }

    /** Remembers how often the logs show a duplicate so far. */
    static Evidence mark() {
        return new Evidence(DUPLICATE_SIGNS.stream().map(Evidence::occurrences).toList());
    }

    void assertNoDuplicateAttempted() {
        for (int i = 0; i < DUPLICATE_SIGNS.size(); i++) {
            assertEquals(before.get(i), occurrences(DUPLICATE_SIGNS.get(i)),
                    "no duplicate was attempted, but the logs gained '" + DUPLICATE_SIGNS.get(i) + "'");
        }
    }

    static void assertNoDeadLetters(Collection<String> chargePointIds) {
        List<String> kept = Node.A.get("/api/dead-letters?limit=500").array().stream()
                .map(v -> v.asJsonObject().getString("chargePointId")).filter(chargePointIds::contains).toList();
        assertEquals(List.of(), kept, "events of these chargers kept in the dead-letter store");
    }

    private static long occurrences(String text) {
        return Server.log().lines().filter(l -> l.contains(text)).count();
    }
}
