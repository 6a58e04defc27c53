package org.outpost.store.keys;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One user's way into the data key. Byte arrays are defensive copies; none of them is secret on its own
 * (what is wrapped needs the password to open).
 *
 * <p>Two shapes, told apart by {@code sealed}:
 * <ul>
 *   <li>format 1 ({@code sealed == null}): {@code wrapped} is the data key itself, AES-GCM under the
 *       password's key-encryption key. Rotating the data key would need the password, so these slots are
 *       upgraded to format 2 at the user's next sign-in.</li>
 *   <li>format 2: {@code wrapped} is the user's X25519 private key under the password's KEK, and
 *       {@code sealed} holds the public key and the data key sealed to it.</li>
 * </ul>
 *
 * @param username   the account this slot belongs to (bound into the GCM additional data)
 * @param iterations PBKDF2 iteration count used for this slot, so it can be raised later
 * @param salt       random per-slot PBKDF2 salt
 * @param nonce      random 96-bit AES-GCM nonce
 * @param wrapped    the data key (format 1) or the private key (format 2) encrypted with AES-GCM, tag
 *                   included
 * @param sealed     the public key and sealed data key (format 2), or null (format 1)
 */
public record KeySlot(String username, int iterations, byte[] salt, byte[] nonce, byte[] wrapped, SealedKey sealed) {
    public KeySlot {
        Objects.requireNonNull(username, "username");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        salt = salt.clone();
        nonce = nonce.clone();
        wrapped = wrapped.clone();
    }

    /** A format-1 slot (the data key wrapped directly under the password). */
    public KeySlot(String username, int iterations, byte[] salt, byte[] nonce, byte[] wrapped) {
        this(username, iterations, salt, nonce, wrapped, null);
    }

    /** The public half, present in format-2 slots. */
    public Optional<SealedKey> sealedKey() {
        return Optional.ofNullable(sealed);
    }

    /** 1 or 2, see the class comment. */
    public int format() {
        return sealed == null ? 1 : 2;
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
                && Arrays.equals(k.salt, salt) && Arrays.equals(k.nonce, nonce)
                && Arrays.equals(k.wrapped, wrapped) && Objects.equals(k.sealed, sealed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, iterations, Arrays.hashCode(salt), Arrays.hashCode(wrapped), sealed);
    }

    @Override
    public String toString() {
        return "KeySlot[" + username + ", format " + format() + ", " + iterations + " iterations]";
    }
}
