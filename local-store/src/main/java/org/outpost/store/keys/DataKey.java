package org.outpost.store.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The database's 256-bit data key in memory. It derives the two secrets H2 needs (the file encryption
 * password and the database user's password) and is wiped by {@link #close()}; after that every use
 * fails. Instances are not shared between threads without external synchronisation of {@code close}.
 *
 * <p>Each key has a generation: 1 for the key a database was created with, one more at each rotation
 * ({@code admin rotate-key}). Format-2 key slots bind it, so the store can tell which key a slot holds.
 */
public final class DataKey implements AutoCloseable {
    /** Length of the data key in bytes. */
    public static final int LENGTH = 32;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] key;
    private final int generation;
    private volatile boolean destroyed;

    private DataKey(byte[] key, int generation) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("A data key has " + LENGTH + " bytes");
        }
        if (generation < 1) {
            throw new IllegalArgumentException("A key generation is positive");
        }
        this.key = key;
        this.generation = generation;
    }

    /** A new random data key of generation 1. */
    public static DataKey generate(SecureRandom random) {
        return generate(random, 1);
    }

    /** A new random data key of {@code generation}. */
    public static DataKey generate(SecureRandom random, int generation) {
        byte[] k = new byte[LENGTH];
        random.nextBytes(k);
        return new DataKey(k, generation);
    }

    /** Takes ownership of {@code key}, generation 1 (it is wiped when this data key is closed). */
    public static DataKey adopt(byte[] key) {
        return new DataKey(key, 1);
    }

    /** Takes ownership of {@code key} of {@code generation} (it is wiped when this data key is closed). */
    public static DataKey adopt(byte[] key, int generation) {
        return new DataKey(key, generation);
    }

    /** 1 for a database's first key, one more at each rotation. */
    public int generation() {
        return generation;
    }

    /** A copy of the raw key for wrapping; the caller wipes it. */
    byte[] copyBytes() {
        check();
        return key.clone();
    }

    /** The hex of the data key: the file-password half of {@link #h2Password()}; the caller wipes it. */
    public char[] filePassword() {
        check();
        char[] out = new char[LENGTH * 2];
        hex(key, out, 0);
        return out;
    }

    /**
     * The H2 password for {@code CIPHER=AES}: the file password (hex of the data key), a space, and the
     * database user's password (hex of HMAC-SHA256(data key, "h2-user")). The caller wipes the array.
     */
    public char[] h2Password() {
        check();
        byte[] user = hmac("h2-user");
        try {
            char[] out = new char[LENGTH * 2 + 1 + user.length * 2];
            hex(key, out, 0);
            out[LENGTH * 2] = ' ';
            hex(user, out, LENGTH * 2 + 1);
            return out;
        } finally {
            Arrays.fill(user, (byte) 0);
        }
    }

    /** HMAC-SHA256 of a label under the data key, for deriving further secrets; the caller wipes it. */
    public byte[] hmac(String label) {
        return hmac(label.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message} under the data key; the caller wipes it. */
    public byte[] hmac(byte[] message) {
        check();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** True when both hold the same key (constant time). */
    public boolean sameKeyAs(DataKey other) {
        check();
        other.check();
        return MessageDigest.isEqual(key, other.key);
    }

    /** Wipes the key. Idempotent. */
    @Override
    public void close() {
        destroyed = true;
        Arrays.fill(key, (byte) 0);
    }

    /** True once {@link #close()} ran. */
    public boolean isDestroyed() {
        return destroyed;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("The database key has been forgotten (the store is closed)");
        }
    }

    private static void hex(byte[] bytes, char[] out, int offset) {
        for (int i = 0; i < bytes.length; i++) {
            out[offset + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[offset + 2 * i + 1] = HEX[bytes[i] & 0xf];
        }
    }

    @Override
    public String toString() {
        return "DataKey[hidden, generation " + generation + "]";
    }
}
