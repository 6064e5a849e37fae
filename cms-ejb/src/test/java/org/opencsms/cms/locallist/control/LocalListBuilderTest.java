package org.opencsms.cms.locallist.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencsms.cms.locallist.control.LocalListBuilder.Kind;
import org.opencsms.cms.locallist.control.LocalListBuilder.ListChange;
import org.opencsms.cms.locallist.control.LocalListBuilder.TagState;

class LocalListBuilderTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final TagState A = new TagState("a-1", "Accepted", null, null);
    private static final TagState B = new TagState("B-2", "Accepted", Instant.parse("2027-01-01T00:00:00Z"), "G");
    private static final TagState C = new TagState("c-3", "Accepted", null, "G");

    private static Map<String, TagState> byKey(TagState... tags) {
        Map<String, TagState> map = new LinkedHashMap<>();
        for (TagState t : tags) {
            map.put(t.key(), t);
        }
        return map;
    }

    @Test
    void statusIsBlockedThenExpiredThenAccepted() {
        assertEquals("Blocked", LocalListBuilder.status("Blocked", NOW.minusSeconds(5), NOW));
        assertEquals("Expired", LocalListBuilder.status("Accepted", NOW, NOW), "expired at its expiry");
        assertEquals("Accepted", LocalListBuilder.status("Accepted", NOW.plusSeconds(1), NOW));
        assertEquals("Accepted", LocalListBuilder.status("Accepted", null, NOW));
    }

    @Test
    void fullCarriesEveryTagWithItsInfoOrderedByKey() {
        List<ListChange> changes = LocalListBuilder.build(Kind.FULL, byKey(C, A, B), null, byKey(A));
        assertEquals(List.of(new ListChange("a-1", A), new ListChange("B-2", B), new ListChange("c-3", C)), changes);
    }

    @Test
    void fullWithNamedTagsCarriesOnlyThose() {
        assertEquals(List.of(new ListChange("B-2", B)),
                LocalListBuilder.build(Kind.FULL, byKey(A, B, C), List.of("B-2"), Map.of()));
    }

    @Test
    void differentialOfAllCarriesNewChangedAndDeletedTagsOnly() {
        TagState blockedA = new TagState("a-1", "Blocked", null, null);
        // held: A (now blocked), B (unchanged), C (deleted since); new: D
        TagState d = new TagState("d-4", "Accepted", null, null);
        List<ListChange> changes = LocalListBuilder.build(Kind.DIFFERENTIAL, byKey(blockedA, B, d), null,
                byKey(A, B, C));
        assertEquals(List.of(new ListChange("a-1", blockedA), new ListChange("c-3", null), new ListChange("d-4", d)),
                changes);
    }

    @Test
    void differentialOfNamedTagsAlsoCarriesWhatChangedOnTheHeldList() {
        TagState expiredB = new TagState("B-2", "Expired", B.expiryDate(), "G");
        List<ListChange> changes = LocalListBuilder.build(Kind.DIFFERENTIAL, byKey(A, expiredB, C),
                List.of("C-3"), byKey(A, B));
        assertEquals(List.of(new ListChange("B-2", expiredB), new ListChange("c-3", C)), changes,
                "the named tag, and the held tag that expired; not the unchanged held tag");
    }

    @Test
    void aNewExpiryOrParentIsAChange() {
        TagState newParent = new TagState("c-3", "Accepted", null, "H");
        assertEquals(List.of(new ListChange("c-3", newParent)),
                LocalListBuilder.build(Kind.DIFFERENTIAL, byKey(newParent), null, byKey(C)));
        assertEquals(List.of(), LocalListBuilder.build(Kind.DIFFERENTIAL, byKey(C), null, byKey(C)),
                "nothing changed: an empty update");
    }

    @Test
    void tagsCompareCaseInsensitively() {
        TagState heldLower = new TagState("b-2", "Accepted", B.expiryDate(), "G");
        assertEquals(List.of(), LocalListBuilder.build(Kind.DIFFERENTIAL, byKey(B), null, byKey(heldLower)));
    }

    @Test
    void aNamedTagWithoutStateIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class,
                () -> LocalListBuilder.build(Kind.FULL, Map.of(), List.of("X"), Map.of()));
    }

    @Test
    void appliedReplacesOnFullAndMergesOnDifferential() {
        Map<String, TagState> held = byKey(A, B);
        assertEquals(byKey(C), LocalListBuilder.applied(Kind.FULL, held, List.of(new ListChange("c-3", C))));
        TagState blockedA = new TagState("a-1", "Blocked", null, null);
        Map<String, TagState> after = LocalListBuilder.applied(Kind.DIFFERENTIAL, held,
                List.of(new ListChange("A-1", blockedA), new ListChange("b-2", null), new ListChange("c-3", C)));
        assertEquals(Map.of("A-1", blockedA, "C-3", C), after);
    }

    @Test
    void kindsByWireName() {
        assertEquals(Kind.FULL, Kind.of("Full").orElseThrow());
        assertEquals(Kind.DIFFERENTIAL, Kind.of("Differential").orElseThrow());
        assertEquals(true, Kind.of("full").isEmpty());
        assertEquals(true, Kind.of(null).isEmpty());
    }
}
