package org.opencsms.cms.locallist.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a SendLocalList carries. A Full update is the tags asked for, each with its idTagInfo. A Differential
 * update carries the tags asked for (all tags: those new or changed since the list the charge point holds)
 * and, always, every tag of the held list that changed since (blocked, expired, a new expiry or parent) with
 * its new idTagInfo and every one deleted since without idTagInfo, which removes it (OCPP 1.6, 5.15: in a
 * differential update an entry without idTagInfo deletes the tag from the list). Keys are the tags in upper case: id tags
 * compare case-insensitively.
 */
public final class LocalListBuilder {
    public static final String ACCEPTED = "Accepted";
    public static final String BLOCKED = "Blocked";
    public static final String EXPIRED = "Expired";

    /** SendLocalList's updateType. */
    public enum Kind {
        FULL("Full"), DIFFERENTIAL("Differential");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        public static Optional<Kind> of(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    /** A tag with the idTagInfo a local list carries for it. */
    public record TagState(String idTag, String status, Instant expiryDate, String parentIdTag) {
        public String key() {
            return key(idTag);
        }

        public static String key(String idTag) {
            return idTag.toUpperCase(Locale.ROOT);
        }

        boolean sameInfo(TagState other) {
            return Objects.equals(status, other.status) && Objects.equals(expiryDate, other.expiryDate)
                    && Objects.equals(parentIdTag, other.parentIdTag);
        }
    }

    /** One entry of the update: the tag with its new state, or without (null) to remove it. */
    public record ListChange(String idTag, TagState state) {
        public boolean removal() {
            return state == null;
        }
    }

    /**
     * The idTagInfo status of a tag of the CMS at {@code now}, as Authorize would answer it: Blocked, else
     * Expired once past its expiry, else Accepted.
     */
    public static String status(String storedStatus, Instant expiryDate, Instant now) {
        if (BLOCKED.equals(storedStatus)) {
            return BLOCKED;
        }
        return expiryDate != null && !expiryDate.isAfter(now) ? EXPIRED : ACCEPTED;
    }

    /**
     * @param current   the tags of the CMS by key: all of them when {@code named} is null; else at least the
     *                  named ones and, for a differential update, those of the held list that still exist
     * @param named     the keys asked for; null: all tags
     * @param held      the list the charge point holds after its confirmed updates, by key
     * @return the entries, ordered by key
     */
    public static List<ListChange> build(Kind kind, Map<String, TagState> current, Collection<String> named,
                                         Map<String, TagState> held) {
        TreeMap<String, ListChange> changes = new TreeMap<>();
        Collection<String> asked = named == null ? current.keySet() : named;
        for (String key : asked) {
            TagState state = current.get(key);
            if (state == null) {
                throw new IllegalArgumentException("no current state for " + key);
            }
            TagState before = held.get(key);
            if (kind == Kind.FULL || named != null || before == null || !before.sameInfo(state)) {
                changes.put(key, new ListChange(state.idTag(), state));
            }
        }
        if (kind == Kind.DIFFERENTIAL) {
            held.forEach((key, before) -> {
                TagState now = current.get(key);
                if (now == null) {
                    changes.put(key, new ListChange(before.idTag(), null));
                } else if (!now.sameInfo(before)) {
                    changes.put(key, new ListChange(now.idTag(), now));
                }
            });
        }
        return new ArrayList<>(changes.values());
    }

    /** The held list after the charge point accepted {@code changes}. */
    public static Map<String, TagState> applied(Kind kind, Map<String, TagState> held, List<ListChange> changes) {
        TreeMap<String, TagState> after = new TreeMap<>(kind == Kind.FULL ? Map.of() : held);
        for (ListChange c : changes) {
            if (c.removal()) {
                after.remove(TagState.key(c.idTag()));
            } else {
                after.put(c.state().key(), c.state());
            }
        }
        return after;
    }

    private LocalListBuilder() {
    }
}
