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
        }
    }

    /** No slots yet, current format. */
    public static KeySlots empty() {
        return new KeySlots(KeyWrapper.FORMAT_VERSION, Map.of());
    }

    public Optional<KeySlot> find(String username) {
        return Optional.ofNullable(slots.get(username));
    }

    /** A copy with {@code slot} added or replacing that user's slot. */
    public KeySlots with(KeySlot slot) {
        Map<String, KeySlot> copy = new TreeMap<>(slots);
        copy.put(slot.username(), slot);
        return new KeySlots(formatVersion, copy);
    }

    /** A copy without {@code username}'s slot. */
    public KeySlots without(String username) {
        Map<String, KeySlot> copy = new TreeMap<>(slots);
        copy.remove(username);
        return new KeySlots(formatVersion, copy);
    }
}
