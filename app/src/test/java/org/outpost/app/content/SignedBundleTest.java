package org.outpost.app.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle is accepted only when a trusted key signed its manifest and its files are exactly the manifest's. */
class SignedBundleTest {
    @TempDir
    Path tmp;

    private final ThrowAwaySigner signer = new ThrowAwaySigner();
    private Path bundle;

    @BeforeEach
    void aSignedBundle() throws IOException {
        bundle = Files.createDirectories(tmp.resolve("tables"));
        Files.writeString(bundle.resolve("renal-dose-rules.tsv"), "# version: 1.1.0\nsome table\n");
        Files.createDirectories(bundle.resolve("cpic"));
        Files.writeString(bundle.resolve("cpic/bundle.tsv"), "a cpic manifest\n");
        signer.sign(bundle, "tables", "2026.1");
    }

    private VerifiedBundle verify() throws ContentRefusedException {
        return SignedBundle.verify(bundle, signer.trusted());
    }

    private void refusedWith(String message) {
        assertThatThrownBy(this::verify).isInstanceOf(ContentRefusedException.class).hasMessage(message);
    }

    @Test
    void signThenVerifyGivesTheManifestAndTheKey() throws Exception {
        VerifiedBundle v = verify();
        assertThat(v.bundleId()).isEqualTo("tables");
        assertThat(v.version()).isEqualTo("2026.1");
        assertThat(v.keyId()).isEqualTo(signer.key().keyId()).hasSize(16);
        assertThat(v.manifest().signer()).isEqualTo("Test Signer");
        assertThat(v.manifest().files()).extracting(ContentManifest.ContentFile::path)
                .containsExactly("cpic/bundle.tsv", "renal-dose-rules.tsv");
        assertThat(v.manifest().file("renal-dose-rules.tsv").orElseThrow().size()).isEqualTo(28);
        assertThat(Files.readString(bundle.resolve(ContentManifest.FILE_NAME)))
                .startsWith("format\toutpost-content-manifest/1\nbundle\ttables\nversion\t2026.1\n"
                        + "created\t2026-01-15T10:00:00Z\nsource\ttest tables\nsigner\tTest Signer\nfile\t");
    }

    @Test
    void oneChangedByteInAFileIsRefusedNamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(bundle.resolve("renal-dose-rules.tsv"));
        bytes[12] ^= 1;
        Files.write(bundle.resolve("renal-dose-rules.tsv"), bytes);
        refusedWith("renal-dose-rules.tsv: its SHA-256 is not the manifest's (changed after signing)");
    }

    @Test
    void aFileOfAnotherSizeIsRefused() throws IOException {
        Files.writeString(bundle.resolve("cpic/bundle.tsv"), "a longer cpic manifest\n");
        refusedWith("cpic/bundle.tsv: is 23 bytes, the manifest says 16 (changed after signing)");
    }

    @Test
    void aChangedManifestIsRefused() throws IOException {
        Path manifest = bundle.resolve(ContentManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("version\t2026.1", "version\t2026.2"));
        refusedWith("manifest.tsv: the signature does not verify: the manifest was changed after it was signed");
    }

    @Test
    void aManifestReSignedWithAnUntrustedKeyIsRefused() {
        ThrowAwaySigner stranger = new ThrowAwaySigner();
        stranger.sign(bundle, "tables", "2026.1");
        refusedWith("manifest.sig: signed with key " + stranger.key().keyId() + ", which this Outpost does not trust");
    }

    @Test
    void anUnsignedFolderIsRefused() throws IOException {
        Files.delete(bundle.resolve(ContentSignature.FILE_NAME));
        refusedWith("not signed: manifest.sig missing");
        Files.delete(bundle.resolve(ContentManifest.FILE_NAME));
        refusedWith("not signed: manifest.tsv and manifest.sig missing");
    }

    @Test
    void anExtraFileIsRefused() throws IOException {
        Files.writeString(bundle.resolve("cpic/extra.tsv"), "slipped in\n");
        refusedWith("cpic/extra.tsv: present but not listed in the manifest");
    }

    @Test
    void whatAMacOrWindowsDesktopLeavesInTheFoldersIsIgnoredButNothingElse() throws Exception {
        Files.writeString(bundle.resolve(".DS_Store"), "Finder's view settings");
        Files.writeString(bundle.resolve("cpic/._bundle.tsv"), "AppleDouble");
        Files.writeString(bundle.resolve("Thumbs.db"), "Explorer thumbnails");
        Files.writeString(bundle.resolve("cpic/desktop.ini"), "[.ShellClassInfo]");

        VerifiedBundle verified = SignedBundle.verify(bundle, signer.trusted());
        assertThat(verified.manifest().files()).extracting(ContentManifest.ContentFile::path)
                .noneMatch(p -> p.contains("DS_Store") || p.contains("._") || p.contains("Thumbs")
                        || p.contains("desktop.ini"));

        Files.writeString(bundle.resolve("cpic/.hidden.tsv"), "not litter: a hidden table");
        refusedWith("cpic/.hidden.tsv: present but not listed in the manifest");
    }

    @Test
    void aListedFileThatIsMissingIsRefused() throws IOException {
        Files.delete(bundle.resolve("cpic/bundle.tsv"));
        refusedWith("cpic/bundle.tsv: listed in the manifest but missing");
    }

    @Test
    void aSymbolicLinkInTheBundleIsRefused() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.tsv"), "elsewhere\n");
        Files.delete(bundle.resolve("renal-dose-rules.tsv"));
        Files.createSymbolicLink(bundle.resolve("renal-dose-rules.tsv"), outside);
        refusedWith("renal-dose-rules.tsv: is a symbolic link: bundles hold only plain files");
    }

    /** A manifest signed by a trusted key is still parsed strictly: the signer's tool could be wrong. */
    @Test
    void signedManifestsWithBadPathsOrKeysAreRefused() {
        assertThat(refusalOfSigned("file\t" + "0".repeat(64) + "\t3\t../renal-dose-rules.tsv\n"))
                .isEqualTo("../renal-dose-rules.tsv: the manifest's path leaves the bundle folder ('..')");
        assertThat(refusalOfSigned("file\t" + "0".repeat(64) + "\t3\t/etc/passwd\n"))
                .isEqualTo("/etc/passwd: the manifest's path is absolute: paths are relative to the bundle folder");
        assertThat(refusalOfSigned("file\t" + "0".repeat(64) + "\t3\ta.tsv\nfile\t" + "0".repeat(64) + "\t3\tA.tsv\n"))
                .isEqualTo("A.tsv: listed twice in the manifest");
        assertThat(refusalOfSigned("reviewer\tsomeone\n"))
                .isEqualTo("manifest.tsv: line 7: unknown key 'reviewer'");
        assertThat(refusalOfSigned("signer\tsomeone else\n"))
                .isEqualTo("manifest.tsv: line 7: 'signer' appears twice");
    }

    /** Writes a manifest with the usual header and {@code files}, signed by the trusted key; returns the refusal. */
    private String refusalOfSigned(String files) {
        String text = "format\toutpost-content-manifest/1\nbundle\ttables\nversion\t1\ncreated\t2026-01-15T10:00:00Z\n"
                + "source\tx\nsigner\ty\n" + files;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(bundle.resolve(ContentManifest.FILE_NAME), bytes);
            Files.write(bundle.resolve(ContentSignature.FILE_NAME),
                    new ContentSignature(signer.key().keyId(), signer.key().sign(bytes)).toBytes());
            verify();
            throw new AssertionError("accepted: " + files);
        } catch (ContentRefusedException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aPemKeyReadsBackToTheSameKeyId() {
        SigningKey back = SigningKey.fromPem(signer.key().privateKeyPem());
        assertThat(back.keyId()).isEqualTo(signer.key().keyId());
        assertThat(TrustedKeys.keyId(SigningKey.publicKeyFromPem(signer.key().publicKeyPem())))
                .isEqualTo(signer.key().keyId());
        assertThatThrownBy(() -> SigningKey.fromPem(signer.key().publicKeyPem()))
                .hasMessageContaining("not a PEM 'PRIVATE KEY'");
    }

    @Test
    void theShippedKeysLoadAndTheirIdsMatchTheirKeys() {
        TrustedKeys shipped = TrustedKeys.shipped();
        assertThat(shipped.keys()).isNotEmpty();
        assertThat(shipped.keys()).allSatisfy(k -> assertThat(TrustedKeys.keyId(k.publicKey())).isEqualTo(k.keyId()));
        assertThatThrownBy(() -> SignedBundle.verify(bundle, shipped)).hasMessageContaining("does not trust");
    }

    @Test
    void aTrustedKeyLineWithTheWrongIdIsRefused() {
        String line = new TrustedKeys.TrustedKey(signer.key().keyId(), "team", signer.key().publicKey()).line();
        assertThatThrownBy(() -> TrustedKeys.parse("0000000000000000" + line.substring(16)))
                .hasMessageContaining("is not the id of its key");
    }
}
