package org.outpost.sync.deid;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The stable logical id of one released resource: HMAC-SHA256(site secret, kind + "|" + internal row id) as 64
 * lower-case hex digits. The same row always gets the same id (a resend overwrites, never duplicates), and the id
 * says nothing about the row: it is keyed by the site secret, so an effective time or a row id cannot be guessed
 * back from it by hashing candidates.
 */
public record ResourceKey(String hex) implements Comparable<ResourceKey> {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ResourceKey {
        Objects.requireNonNull(hex, "hex");
        if (!HEX64.matcher(hex).matches()) {
            throw new IllegalArgumentException("A resource key is 64 lower-case hex digits");
        }
    }

    static ResourceKey of(PseudonymKey secret, String kind, String rowId) {
        return new ResourceKey(secret.hmacHex(kind + "|" + rowId));
    }

    @Override
    public int compareTo(ResourceKey o) {
        return hex.compareTo(o.hex);
    }

    @Override
    public String toString() {
        return hex;
    }
}
