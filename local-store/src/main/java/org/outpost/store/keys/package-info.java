/**
 * Envelope encryption of the database key. A random 256-bit data key (DEK) opens the H2 file; each user
 * has a key slot holding the DEK wrapped with AES-GCM under a key derived from their password with
 * PBKDF2-HMAC-SHA256. Slots live in a small properties file written atomically; the DEK is never
 * written unwrapped.
 */
package org.outpost.store.keys;
