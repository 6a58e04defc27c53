package org.outpost.ui.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.outpost.app.content.SigningKey;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.validation.Echo;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code admin content keygen --out DIR}: a new Ed25519 key pair for the content team — the private key in an
 * owner-only PEM file, the public key beside it, and the line a release adds to the trusted keys.
 */
@Command(name = "keygen", sortOptions = false,
        description = {"Make a content signing key pair in DIR: " + ContentKeygenCommand.PRIVATE + " (PKCS#8 PEM, "
                + "owner-only; keep it off the repository and the clinics' machines) and " + ContentKeygenCommand.PUBLIC
                + ". Prints the key id and the line a release adds to trusted-keys.tsv so Outpost accepts the key.",
                "Needs no password."})
final class ContentKeygenCommand implements java.util.concurrent.Callable<Integer> {
    static final String PRIVATE = "content-signing.key";
    static final String PUBLIC = "content-signing.pub";

    private final CliContext context;

    @Mixin
    HelpOption help;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the two files.")
    Path out;

    @Option(names = "--owner", paramLabel = "NAME", defaultValue = "Outpost content team",
            description = "Who holds the key, as the trusted keys name it (default: ${DEFAULT-VALUE}).")
    String owner;

    ContentKeygenCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        SigningKey key = SigningKey.generate();
        Path privateFile = out.resolve(PRIVATE);
        Path publicFile = out.resolve(PUBLIC);
        String line;
        try {
            line = new TrustedKeys.TrustedKey(key.keyId(), owner, key.publicKey()).line();
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCode.USAGE, "--owner: " + e.getMessage());
        }
        if (owner.isBlank() || owner.contains("\t") || owner.chars().anyMatch(Character::isISOControl)) {
            throw new CliFailure(ExitCode.USAGE, "--owner must be a name on one line without tabs");
        }
        try {
            Files.createDirectories(out);
            if (Files.exists(privateFile) || Files.exists(publicFile)) {
                throw new FileAlreadyExistsException(Files.exists(privateFile) ? PRIVATE : PUBLIC);
            }
            if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(privateFile);
            }
            Files.writeString(privateFile, key.privateKeyPem(), StandardCharsets.US_ASCII,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.writeString(publicFile, key.publicKeyPem(), StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure(ExitCode.FAILED, "a key is already in " + Echo.of(out.toString()) + " ("
                    + e.getFile() + "): nothing was written");
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, "cannot write the key to " + Echo.of(out.toString()) + ": "
                    + e.getMessage());
        }
        context.out().println("key id: " + key.keyId());
        context.out().println("private key: " + Echo.of(privateFile.toString()) + " (owner-only; never in the "
                + "repository or an installer)");
        context.out().println("public key: " + Echo.of(publicFile.toString()));
        context.out().println("trusted-keys.tsv line: " + line);
        return ExitCode.OK;
    }
}
