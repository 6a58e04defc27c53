package org.outpost.app.content;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A throw-away content key for tests: signs bundle folders and is the only key its {@link #trusted()} list
 * trusts. Nothing of it outlives the test.
 */
public final class ThrowAwaySigner {
    public static final Instant CREATED = Instant.parse("2026-01-15T10:00:00Z");

    private final SigningKey key = SigningKey.generate();

    public TrustedKeys trusted() {
        return TrustedKeys.of("test content team", key.publicKey());
    }

    public SigningKey key() {
        return key;
    }

    /** Signs every file in {@code dir} as bundle {@code id}, version {@code version}; returns {@code dir}. */
    public Path sign(Path dir, String id, String version) {
        try {
            SignedBundle.sign(dir, new SignedBundle.BundleInfo(id, version, CREATED, "test tables", "Test Signer"), key);
        } catch (ContentRefusedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return dir;
    }
}
