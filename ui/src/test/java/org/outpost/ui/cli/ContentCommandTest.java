package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.dosing.RenalDoseRules;

/**
 * {@code admin content}: the clinical tables in force for a data directory, signed updates and refused ones; and
 * {@code content sign / verify / install / keygen} for the content team and IT.
 */
class ContentCommandTest {
    @TempDir
    Path dir;
    @TempDir
    Path usb;
    @TempDir
    Path keys;

    private final ThrowAwayContentKey key = new ThrowAwayContentKey();

    private static String bundledRenalTable() throws IOException {
        try (InputStream in = RenalDoseRules.class.getResourceAsStream("renal-dose-rules.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private CliHarness.Result trusting(String... args) {
        return run(Map.of(), key.trusted(), "", args);
    }

    /** A folder {@code id} in {@code parent} holding the renal table at {@code version}, not yet signed. */
    private static Path renalBundle(Path parent, String id, String version) throws IOException {
        Path bundle = Files.createDirectories(parent.resolve(id));
        Files.writeString(bundle.resolve(ClinicalContent.RENAL),
                bundledRenalTable().replace("# version: 1.0.0", "# version: " + version));
        return bundle;
    }

    @Test
    void listsTheBundledGuidelinesWithTheirVersions() {
        var r = run("", "content", "--data-dir", dir.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("CYP2C19 / clopidogrel: CPIC Guideline for CYP2C19 Genotype and Clopidogrel "
                + "Therapy: 2022 Update").contains("Lee CR").contains("renal dose table 1.0.0")
                .contains("updates: none (the tables that ship with Outpost)");
    }

    @Test
    void aValidSignedUpdateIsInForceWithItsSignerAndABrokenOneIsRefusedWithItsLine() throws IOException {
        Path content = dir.resolve(ClinicalContent.DIRECTORY);
        Path bundle = key.sign(renalBundle(content, "renal", "1.1.0"), "renal", "2026.1");
        var ok = trusting("content", "--data-dir", dir.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("renal dose table 1.1.0")
                .contains("update renal 2026.1 (test tables), created 2026-01-15T10:00:00Z, signed by Test Signer "
                        + "with key " + key.key().keyId() + " (test content team): Renal dose table");

        Files.writeString(bundle.resolve(ClinicalContent.RENAL),
                bundledRenalTable().replace("# version: 1.0.0", "# version: 1.1.0").replace("\tLOW\t", "\tMILD\t"));
        key.sign(bundle, "renal", "2026.2");
        var refused = trusting("content", "--data-dir", dir.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.out()).contains("renal dose table 1.0.0").contains("updates: none");
        assertThat(refused.err()).startsWith("refused: Renal dose table update in ").contains(" line ")
                .contains("MILD");
    }

    @Test
    void anUnsignedOrUntrustedUpdateIsRefusedAndTheBundledTableStays() throws IOException {
        Path content = dir.resolve(ClinicalContent.DIRECTORY);
        renalBundle(content, "renal", "1.1.0");
        var unsigned = trusting("content", "--data-dir", dir.toString());
        assertThat(unsigned.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unsigned.out()).contains("renal dose table 1.0.0");
        assertThat(unsigned.err()).startsWith("refused: Update ")
                .endsWith("renal refused whole, the bundled tables stay in force: not signed: manifest.tsv and "
                        + "manifest.sig missing\n");

        key.sign(content.resolve("renal"), "renal", "2026.1");
        var untrusted = run("", "content", "--data-dir", dir.toString()); // the shipped keys only
        assertThat(untrusted.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(untrusted.out()).contains("renal dose table 1.0.0");
        assertThat(untrusted.err()).contains("manifest.sig: signed with key " + key.key().keyId()
                + ", which this Outpost does not trust");
    }

    @Test
    void signThenVerifyPrintsTheBundleAndATamperedFileFailsWithItsName() throws IOException {
        Path bundle = renalBundle(usb, "tables", "1.1.0");
        var signed = trusting("content", "sign", bundle.toString(), "--key", key.writePrivateKey(keys).toString(),
                "--version", "2026.1", "--source", "Renal table, pharmacy review 2026-01");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.out()).startsWith("signed bundle tables 2026.1: 1 files, signer test content team, key "
                + key.key().keyId() + "\n");
        assertThat(bundle.resolve("manifest.tsv")).exists();
        assertThat(bundle.resolve("manifest.sig")).exists();

        var good = trusting("content", "verify", bundle.toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.outLines()).startsWith("bundle: tables", "version: 2026.1", "created: 2025-06-16T09:30:00Z",
                "source: Renal table, pharmacy review 2026-01", "signer: test content team",
                "key: " + key.key().keyId() + " (test content team)", "files:");
        assertThat(good.out()).contains("  renal-dose-rules.tsv  ").contains("tables: Renal dose table\n")
                .endsWith("verified: the signature and all 1 files match, the tables pass their checks\n");

        var shipped = run("", "content", "verify", bundle.toString());
        assertThat(shipped.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(shipped.errLine()).isEqualTo("refused: " + bundle + ": manifest.sig: signed with key "
                + key.key().keyId() + ", which this Outpost does not trust");

        Path table = bundle.resolve(ClinicalContent.RENAL);
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length / 2] ^= 1;
        Files.write(table, bytes);
        var tampered = trusting("content", "verify", bundle.toString());
        assertThat(tampered.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(tampered.out()).isEmpty();
        assertThat(tampered.errLine()).isEqualTo("refused: " + bundle + ": renal-dose-rules.tsv: its SHA-256 is not "
                + "the manifest's (changed after signing)");
    }

    @Test
    void signRefusesAKeyFileOthersCanReadAndTakesTheKeyFromTheEnvironment() throws IOException {
        Path bundle = renalBundle(usb, "tables", "1.1.0");
        Path keyFile = key.writePrivateKey(keys);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        var open = trusting("content", "sign", bundle.toString(), "--key", keyFile.toString(), "--version", "1",
                "--source", "s");
        assertThat(open.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(open.errLine()).isEqualTo("the key file " + keyFile + " can be read by others: make it owner-only "
                + "(chmod 600) first; nothing was signed");
        assertThat(bundle.resolve("manifest.tsv")).doesNotExist();

        var none = trusting("content", "sign", bundle.toString(), "--version", "1", "--source", "s");
        assertThat(none.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(none.errLine()).isEqualTo("no signing key: give --key FILE or set $OUTPOST_CONTENT_SIGNING_KEY");

        var fromEnvironment = run(Map.of("OUTPOST_CONTENT_SIGNING_KEY", key.key().privateKeyPem()), key.trusted(), "",
                "content", "sign", bundle.toString(), "--version", "1", "--source", "s", "--signer", "Release build");
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.err()).isZero();
        assertThat(trusting("content", "verify", bundle.toString()).out()).contains("signer: Release build");

        var notTrusted = run(Map.of("OUTPOST_CONTENT_SIGNING_KEY", key.key().privateKeyPem()), "",
                "content", "sign", bundle.toString());
        assertThat(notTrusted.exitCode()).as("re-signing keeps the manifest's id, version, source, signer").isZero();
        assertThat(notTrusted.err()).startsWith("note: key " + key.key().keyId() + " is not one this Outpost trusts");
    }

    @Test
    void installPutsAGoodBundleInForceAndABadOneLeavesThePreviousVersion() throws IOException {
        Path first = key.sign(renalBundle(usb.resolve("v1"), "renal", "1.1.0"), "renal", "2026.1");
        var installed = trusting("content", "install", first.toString(), "--data-dir", dir.toString());
        assertThat(installed.exitCode()).as(installed.err()).isZero();
        assertThat(installed.out()).contains("bundle: renal", "version: 2026.1")
                .endsWith("installed into " + dir.resolve(ClinicalContent.DIRECTORY).resolve("renal") + "\n");
        assertThat(trusting("content", "--data-dir", dir.toString()).out()).contains("renal dose table 1.1.0");

        Path second = key.sign(renalBundle(usb.resolve("v2"), "renal", "1.2.0"), "renal", "2026.2");
        Files.writeString(second.resolve("notes.txt"), "slipped in after signing\n");
        var refused = trusting("content", "install", second.toString(), "--data-dir", dir.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.errLine()).isEqualTo("refused: " + second + ": notes.txt: present but not listed in the "
                + "manifest; nothing was installed, what was in force stays");
        var after = trusting("content", "--data-dir", dir.toString());
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).contains("renal dose table 1.1.0").contains("update renal 2026.1 ");

        Files.delete(second.resolve("notes.txt"));
        var replaced = trusting("content", "install", second.toString(), "--data-dir", dir.toString());
        assertThat(replaced.exitCode()).as(replaced.err()).isZero();
        assertThat(replaced.out()).endsWith(", replacing version 2026.1\n");
        assertThat(trusting("content", "--data-dir", dir.toString()).out()).contains("renal dose table 1.2.0");
    }

    @Test
    void keygenWritesAnOwnerOnlyKeyThatSigns() throws IOException {
        Path out = keys.resolve("team");
        var made = run("", "content", "keygen", "--out", out.toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        Path privateKey = out.resolve("content-signing.key");
        assertThat(Files.getPosixFilePermissions(privateKey)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(privateKey)).startsWith("-----BEGIN PRIVATE KEY-----");
        String keyId = made.outLines().getFirst().substring("key id: ".length());
        String line = made.outLines().getLast().substring("trusted-keys.tsv line: ".length());
        assertThat(line).startsWith(keyId + "\tOutpost content team\t");

        Path bundle = renalBundle(usb, "renal", "1.1.0");
        TrustedKeys trusted = TrustedKeys.parse(line + "\n");
        var signed = run(Map.of(), trusted, "", "content", "sign", bundle.toString(), "--key", privateKey.toString(),
                "--version", "1", "--source", "s");
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        assertThat(signed.err()).isEmpty();
        assertThat(run(Map.of(), trusted, "", "content", "verify", bundle.toString()).exitCode()).isZero();

        var again = run("", "content", "keygen", "--out", out.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.errLine()).endsWith("(content-signing.key): nothing was written");
    }
}
