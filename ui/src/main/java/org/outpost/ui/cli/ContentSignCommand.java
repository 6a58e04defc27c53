package org.outpost.ui.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.outpost.app.content.ContentManifest;
import org.outpost.app.content.ContentRefusedException;
import org.outpost.app.content.SignedBundle;
import org.outpost.app.content.SigningKey;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.validation.Echo;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code admin content sign DIR --key FILE}: for the content team — writes the manifest of every file in a bundle
 * folder and its Ed25519 signature. The private key comes from an owner-only PEM file or from the environment
 * variable {@value #KEY_VARIABLE} (the release build), never from an argument.
 */
@Command(name = "sign", sortOptions = false,
        description = {"Sign a content bundle folder: writes manifest.tsv (bundle id, version, created, source, "
                + "signer, and every file's path, size and SHA-256) and manifest.sig (the Ed25519 signature and the "
                + "key id). The private key is a PKCS#8 PEM file only its owner can read (--key), or the PEM text in "
                + "$" + ContentSignCommand.KEY_VARIABLE + ". Re-signing a folder keeps its manifest's bundle id, "
                + "version, source and signer unless given.",
                "Needs no password."})
final class ContentSignCommand implements java.util.concurrent.Callable<Integer> {
    static final String KEY_VARIABLE = "OUTPOST_CONTENT_SIGNING_KEY";
    private static final long MAX_KEY_FILE = 16 * 1024;

    private final CliContext context;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "DIR", description = "The bundle folder to sign.")
    Path dir;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The Ed25519 private key (PKCS#8 PEM), owner-only (default: $" + KEY_VARIABLE + ").")
    Path keyFile;

    @Option(names = "--signer", paramLabel = "NAME", description = "Who signs (default: the key's owner).")
    String signer;

    @Option(names = "--bundle-id", paramLabel = "ID",
            description = "The bundle id, also the folder it is installed in (default: the folder's name).")
    String bundleId;

    @Option(names = "--version", paramLabel = "V", description = "The bundle's version, e.g. 2026.1.")
    String version;

    @Option(names = "--source", paramLabel = "S", description = "Where the content comes from, in words.")
    String source;

    ContentSignCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SigningKey key = key();
        Optional<ContentManifest> earlier = earlierManifest();
        String id = first(bundleId, earlier.map(ContentManifest::bundleId),
                Optional.ofNullable(dir.toAbsolutePath().normalize().getFileName()).map(Path::toString), "--bundle-id");
        String v = first(version, earlier.map(ContentManifest::version), Optional.empty(), "--version");
        String s = first(source, earlier.map(ContentManifest::source), Optional.empty(), "--source");
        Optional<TrustedKeys.TrustedKey> trusted = context.trustedKeys().find(key.keyId());
        String who = first(signer, earlier.map(ContentManifest::signer), trusted.map(TrustedKeys.TrustedKey::owner),
                "--signer");
        ContentManifest manifest;
        try {
            manifest = SignedBundle.sign(dir, new SignedBundle.BundleInfo(id, v, context.clock().instant(), s, who),
                    key);
        } catch (ContentRefusedException e) {
            throw new CliFailure(ExitCode.FAILED, "not signed: " + Echo.of(dir.toString()) + ": " + e.getMessage());
        }
        context.out().println("signed bundle " + manifest.bundleId() + " " + manifest.version() + ": "
                + manifest.files().size() + " files, signer " + EchoSafe.line(manifest.signer()) + ", key "
                + key.keyId());
        context.out().println("wrote " + ContentManifest.FILE_NAME + " and "
                + org.outpost.app.content.ContentSignature.FILE_NAME + " in " + Echo.of(dir.toString()));
        if (trusted.isEmpty()) {
            context.err().println("note: key " + key.keyId() + " is not one this Outpost trusts: verify and install "
                    + "refuse this bundle until a release ships the key's public half");
        }
        return ExitCode.OK;
    }

    private static String first(String given, Optional<String> earlier, Optional<String> fallback, String option) {
        if (given != null) {
            return given;
        }
        return earlier.or(() -> fallback).orElseThrow(() -> new CliFailure(ExitCode.USAGE,
                option + " is needed to sign a new bundle"));
    }

    /** The manifest already in the folder, when there is a readable one (re-signing after an edit). */
    private Optional<ContentManifest> earlierManifest() {
        Path file = dir.resolve(ContentManifest.FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ContentManifest.parse(Files.readAllBytes(file)));
        } catch (IOException | ContentRefusedException e) {
            return Optional.empty();
        }
    }

    private SigningKey key() {
        String pem;
        String shown;
        if (keyFile != null) {
            shown = "the key file " + Echo.of(keyFile.toString());
            pem = readKeyFile(keyFile, shown);
        } else if (context.environment().containsKey(KEY_VARIABLE)) {
            shown = "$" + KEY_VARIABLE;
            pem = context.environment().get(KEY_VARIABLE);
        } else {
            throw new CliFailure(ExitCode.USAGE, "no signing key: give --key FILE or set $" + KEY_VARIABLE);
        }
        try {
            return SigningKey.fromPem(pem);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.FAILED, shown + " is " + e.getMessage() + "; nothing was signed");
        }
    }

    private static String readKeyFile(Path file, String shown) {
        try {
            OwnerOnlyFile.require(file, shown, "nothing was signed");
            if (Files.size(file) > MAX_KEY_FILE) {
                throw new CliFailure(ExitCode.FAILED, shown + " is too long for a key");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, shown + " cannot be read");
        }
    }
}
