package org.outpost.store.keys;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The key slots of one database, by user name (immutable; the "with" methods return changed copies).
 *
 * @param formatVersion the key file format version
 * @param slots         the slots by user name
 */
public record KeySlots(int formatVersion, Map<String, KeySlot> slots) {
    public KeySlots {
        slots = Map.copyOf(slots);
        for (Map.Entry<String, KeySlot> e : slots.entrySet()) {
            if (!e.getKey().equals(e.getValue().username())) {
                throw new IllegalArgumentException("A key slot is filed under the wrong user name");
            }
            if (e.getValue().format() > formatVersion) {
                throw new IllegalArgumentException("A format-" + formatVersion + " key file cannot hold a format-"
                        + e.getValue().format() + " slot");
            }
        }
    }

    /** No slots yet, current format. */
    public static KeySlots empty() {
        return new KeySlots(KeyWrapper.FORMAT_VERSION, Map.of());
    }

    public Optional<KeySlot> find(String username) {
        return Optional.ofNullable(slots.get(username));
    }

    /**
     * A copy with {@code slot} added or replacing that user's slot; adding a format-2 slot to a format-1
     * file makes it a format-2 file (older Outpost versions then refuse it as newer, rather than misread it).
     */
    public KeySlots with(KeySlot slot) {
        Map<String, KeySlot> copy = new TreeMap<>(slots);
        copy.put(slot.username(), slot);
        return new KeySlots(Math.max(formatVersion, slot.format()), copy);
    }

    /** Names of the slots still in format 1 (their data key cannot be resealed without the password). */
    public java.util.SortedSet<String> formatOneUsers() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        slots.values().stream().filter(s -> s.format() == 1).forEach(s -> names.add(s.username()));
        return names;
    }

    /** A copy without {@code username}'s slot. */
    public KeySlots without(String username) {
        Map<String, KeySlot> copy = new TreeMap<>(slots);
        copy.remove(username);
        return new KeySlots(formatVersion, copy);
    }
}
