package org.outpost.ui.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.outpost.app.content.ContentRefusedException;
import org.outpost.app.content.SignedBundle;
import org.outpost.app.content.SigningKey;
import org.outpost.app.content.TrustedKeys;

/**
 * A throw-away content signing key for tests that place updates in a data directory's clinical-content folder:
 * it signs bundle folders, and {@link #trusted()} is the only key list that accepts them. Pass it to
 * {@link CliHarness#run(java.util.Map, TrustedKeys, String, String...)} (or {@code CliContext.withTrustedKeys}).
 */
final class ThrowAwayContentKey {
    private final SigningKey key = SigningKey.generate();

    TrustedKeys trusted() {
        return TrustedKeys.of("test content team", key.publicKey());
    }

    SigningKey key() {
        return key;
    }

    /** Signs every file in {@code dir} as bundle {@code id}, version {@code version}; returns {@code dir}. */
    Path sign(Path dir, String id, String version) {
        try {
            SignedBundle.sign(dir, new SignedBundle.BundleInfo(id, version, Instant.parse("2026-01-15T10:00:00Z"),
                    "test tables", "Test Signer"), key);
        } catch (ContentRefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return dir;
    }

    /** The private key in an owner-only PEM file in {@code dir}. */
    Path writePrivateKey(Path dir) {
        try {
            Path file = dir.resolve("content.key");
            Files.writeString(file, key.privateKeyPem());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
