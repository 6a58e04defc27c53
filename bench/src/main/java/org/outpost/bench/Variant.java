package org.outpost.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which database a benchmark trial runs on, by its JMH parameter: {@code vault} (the real
 * {@code H2Vault}/{@code H2Store} with the store's own settings), or {@code aes-<n>m} /
 * {@code plain-<n>m} (the encrypted file, or its unencrypted copy, through {@link JdbcStore} with an
 * H2 page cache of n MiB).
 *
 * @param name         the parameter as given
 * @param vault        whether this is the real vault
 * @param encrypted    whether the file is AES-encrypted
 * @param cacheSizeKib H2 {@code CACHE_SIZE} (KiB); for the vault, what the store sets
 */
record Variant(String name, boolean vault, boolean encrypted, int cacheSizeKib) {
    /** H2 CACHE_SIZE that {@code H2Database} sets for the store (KiB). */
    static final int STORE_CACHE_KIB = 65_536;
    private static final Pattern FORM = Pattern.compile("(aes|plain)-(\\d+)m");

    static Variant parse(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("vault")) {
            return new Variant(n, true, true, STORE_CACHE_KIB);
        }
        Matcher m = FORM.matcher(n);
        if (!m.matches()) {
            throw new IllegalArgumentException("db must be vault, aes-<MiB>m or plain-<MiB>m, not " + name);
        }
        return new Variant(n, false, m.group(1).equals("aes"), Math.multiplyExact(Integer.parseInt(m.group(2)), 1024));
    }
}
