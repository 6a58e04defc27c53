package org.outpost.app.content;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A bundle whose signature and files {@link SignedBundle#verify verified}: what a "Models and content" list shows
 * (id, version, created, source, signer, key id and owner) and where its files are.
 *
 * @param directory the bundle folder
 * @param manifest  what it holds, as signed
 * @param key       the trusted key that verified the signature
 */
public record VerifiedBundle(Path directory, ContentManifest manifest, TrustedKeys.TrustedKey key) {
    public VerifiedBundle {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(key, "key");
    }

    public String bundleId() {
        return manifest.bundleId();
    }

    public String version() {
        return manifest.version();
    }

    public String keyId() {
        return key.keyId();
    }

    /** The file of the bundle at {@code path} (as listed in the manifest). */
    public Path resolve(String path) {
        return directory.resolve(path);
    }

    /** One line: "tables 2026.1 (source), created …, signed by … with key … (owner)". */
    public String describe() {
        return manifest.bundleId() + " " + manifest.version() + " (" + manifest.source() + "), created "
                + manifest.created() + ", signed by " + manifest.signer() + " with key " + key.keyId() + " ("
                + key.owner() + ")";
    }
}
