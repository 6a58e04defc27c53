/**
 * Envelope encryption of the database key. A random 256-bit data key (DEK) opens the H2 file. Each user
 * has a key slot: an X25519 private key wrapped with AES-GCM under a key derived from their password with
 * PBKDF2-HMAC-SHA256, the public key, and the DEK sealed to that public key (X25519 + HKDF-SHA256 +
 * AES-GCM). Sealing needs no password, so the DEK can be rotated for every user at once. Slots live in a
 * small properties file written atomically; the DEK is never written unwrapped.
 */
package org.outpost.store.keys;
