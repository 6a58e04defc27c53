/**
 * Signed content updates: clinical tables and model files that reach a clinic as data, not as a new release.
 * An update is a folder (a <em>bundle</em>) holding its files, a {@link org.outpost.app.content.ContentManifest}
 * ({@value org.outpost.app.content.ContentManifest#FILE_NAME}: bundle id, version, created, source, signer and
 * every file's path, size and SHA-256) and a detached Ed25519 signature over the manifest's exact bytes
 * ({@value org.outpost.app.content.ContentSignature#FILE_NAME}, naming the key by its
 * {@linkplain org.outpost.app.content.TrustedKeys#keyId key id}). {@link org.outpost.app.content.SignedBundle#verify}
 * accepts a folder only when the signature verifies with a key Outpost ships
 * ({@link org.outpost.app.content.TrustedKeys#shipped()}) and every file matches the manifest, nothing more and
 * nothing less; {@link org.outpost.app.content.BundleInstaller} copies a verified bundle into place atomically.
 * The private key never ships: the content team signs with {@link org.outpost.app.content.SigningKey}.
 */
package org.outpost.app.content;
