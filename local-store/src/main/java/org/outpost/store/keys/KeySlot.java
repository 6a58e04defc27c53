package org.outpost.store.keys;

import java.util.Objects;

/**
 * One user's wrapped copy of the data key. Byte arrays are defensive copies; none of them is secret on
 * its own (the wrapped key needs the password to open).
 *
 * @param username   the account this slot belongs to (bound into the GCM additional data)
 * @param iterations PBKDF2 iteration count used for this slot, so it can be raised later
 * @param salt       random per-slot PBKDF2 salt
 * @param nonce      random 96-bit AES-GCM nonce
 * @param wrapped    the data key encrypted with AES-GCM, tag included
 */
public record KeySlot(String username, int iterations, byte[] salt, byte[] nonce, byte[] wrapped) {
    public KeySlot {
        Objects.requireNonNull(username, "username");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        salt = salt.clone();
        nonce = nonce.clone();
        wrapped = wrapped.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] wrapped() {
        return wrapped.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeySlot k && k.username.equals(username) && k.iterations == iterations
                && java.util.Arrays.equals(k.salt, salt) && java.util.Arrays.equals(k.nonce, nonce)
                && java.util.Arrays.equals(k.wrapped, wrapped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, iterations, java.util.Arrays.hashCode(salt), java.util.Arrays.hashCode(wrapped));
    }

    @Override
    public String toString() {
        return "KeySlot[" + username + ", " + iterations + " iterations]";
    }
}
