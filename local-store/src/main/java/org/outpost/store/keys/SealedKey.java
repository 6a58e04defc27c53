package org.outpost.store.keys;

import java.util.Arrays;
import java.util.Objects;

/**
 * The public half of a format-2 key slot: the user's X25519 public key and the data key sealed to it.
 * Sealing needs only the public key, which is why an administrator can give every active user a new data
 * key (key rotation) without knowing their passwords. Nothing here is secret; byte arrays are copies.
 *
 * @param publicKey  the user's X25519 public key (X.509 encoding)
 * @param generation which data key this is: 1 for the database's first key, one more at each rotation;
 *                   bound into the GCM additional data so a sealed key cannot be passed off as another
 *                   generation's
 * @param ephemeral  the sender's one-time X25519 public key (X.509 encoding)
 * @param nonce      random 96-bit AES-GCM nonce
 * @param sealed     the data key encrypted with AES-GCM under HKDF-SHA256 of the X25519 shared secret, tag
 *                   included
 * @param binding    HMAC-SHA256 under the data key of (user, generation, public key): anyone who can write
 *                   the data folder could swap in their own public key, and the next rotation would seal the
 *                   new data key to them; rotation checks this first and refuses an altered slot
 */
public record SealedKey(byte[] publicKey, int generation, byte[] ephemeral, byte[] nonce, byte[] sealed,
        byte[] binding) {
    public SealedKey {
        if (generation < 1) {
            throw new IllegalArgumentException("A key generation is positive");
        }
        publicKey = publicKey.clone();
        ephemeral = ephemeral.clone();
        nonce = nonce.clone();
        sealed = sealed.clone();
        binding = binding.clone();
    }

    @Override
    public byte[] binding() {
        return binding.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] ephemeral() {
        return ephemeral.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedKey s && s.generation == generation && Arrays.equals(s.publicKey, publicKey)
                && Arrays.equals(s.ephemeral, ephemeral) && Arrays.equals(s.nonce, nonce)
                && Arrays.equals(s.sealed, sealed) && Arrays.equals(s.binding, binding);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generation, Arrays.hashCode(publicKey), Arrays.hashCode(sealed));
    }

    @Override
    public String toString() {
        return "SealedKey[generation " + generation + "]";
    }
}
