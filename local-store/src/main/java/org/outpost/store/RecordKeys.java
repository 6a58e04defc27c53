package org.outpost.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys of the failed-login record's chain (JDK crypto only). Each chain has an epoch; its first key is
 * HMAC-SHA256(site secret, epoch), which only someone who can open the database can compute. Line {@code n}
 * carries HMAC-SHA256(key n, line), and key n+1 = SHA-256(key n): the locked app keeps only the next key,
 * so someone who reads the data directory later cannot re-sign lines written before, and cannot shorten
 * the record without the database noticing that the chain ends on the wrong key.
 */
final class RecordKeys {
    private static final HexFormat HEX = HexFormat.of();

    private RecordKeys() {
    }

    /** The chain's first key. */
    static byte[] first(byte[] siteSecret, String epoch) {
        return hmac(siteSecret, "outpost failed-login record v1\0" + epoch);
    }

    /** The key after {@code key} (one-way). */
    static byte[] next(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("outpost failed-login record next\0".getBytes(StandardCharsets.UTF_8));
            return sha.digest(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The MAC of one line's content, hex. */
    static String mac(byte[] key, String body) {
        return HEX.formatHex(hmac(key, body));
    }

    /** Constant-time comparison of two hex strings. */
    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
