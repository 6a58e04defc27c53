package org.outpost.ui.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.outpost.app.domain.Permission;
import org.outpost.app.sharing.BearerToken;
import org.outpost.app.sharing.SyncSettings;
import org.outpost.app.usecase.SyncSettingsService;
import org.outpost.app.validation.Echo;
import org.outpost.ui.console.CliContext;
import org.outpost.ui.console.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code admin sync config}: where de-identified summaries go and with what token, k for the k-anonymity gate and
 * whether this site shares genotypes. The token is a secret like a password: never an argument (it would land in
 * the shell history and the process list), but read from an owner-only file or from the second line of standard
 * input, stored only inside the encrypted database and never printed back (only "set"). Through
 * {@link SyncSettingsService}, which checks the address and audits the change.
 */
@Command(name = "config", sortOptions = false,
        description = {"Set the sync server, its bearer token, k (k-anonymity) and whether genotypes are shared.",
                "Options not given keep their value; the token is never shown, only whether one is set.",
                "Standard input: line 1 = your password; line 2 = the token with --token-stdin."})
final class SyncConfigCommand extends LoggedInCommand {
    /** Longest token file read (a token is at most {@value BearerToken#MAX_LENGTH} characters). */
    private static final long MAX_TOKEN_FILE = 2L * BearerToken.MAX_LENGTH;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The sync server's FHIR base address: https://…, or http:// to this machine only "
                    + "(localhost, 127.0.0.1, [::1]).")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the bearer token from FILE, which must be owner-only (chmod 600).")
    Path tokenFile;

    @Option(names = "--token-stdin",
            description = "Read the bearer token from line 2 of standard input (line 1 is your password: "
                    + "use with --password-stdin).")
    boolean tokenStdin;

    @Option(names = "--k", paramLabel = "N",
            description = "k for the k-anonymity gate, " + SyncSettings.MIN_K + " to " + SyncSettings.MAX_K
                    + " (default " + SyncSettings.DEFAULT_K + "): a summary whose group is smaller is held back.")
    Integer k;

    @Option(names = "--share-genotypes", paramLabel = "true|false", arity = "1",
            description = "Whether this site sends genotypes (only of patients who agreed to that too). Default false.")
    Boolean shareGenotypes;

    SyncConfigCommand(CliContext context) {
        super(context);
    }

    @Override
    int run(Opened o) {
        o.session().require(Permission.CONFIGURE_SYNC);
        if (tokenFile != null && tokenStdin) {
            throw new CliFailure(ExitCode.USAGE, "give the token with --token-file or --token-stdin, not both");
        }
        if (tokenStdin && !passwordStdin) {
            throw new CliFailure(ExitCode.USAGE, "--token-stdin reads line 2 of standard input after your password "
                    + "on line 1: use it with --password-stdin (or give the token with --token-file FILE)");
        }
        Optional<BearerToken> token = tokenFile != null ? Optional.of(readTokenFile(tokenFile))
                : tokenStdin ? Optional.of(tokenFromLine(o.passwords().second("Bearer token"))) : Optional.empty();
        SyncSettingsService service = new SyncSettingsService(o.store(), o.clock(), o.session());
        SyncSettings saved = service.configure(url, token, k == null ? OptionalInt.empty() : OptionalInt.of(k),
                Optional.ofNullable(shareGenotypes));
        context.out().println("sync configured: server " + saved.server().orElseThrow()
                + ", token " + (saved.token().isPresent() ? "set" : "not set")
                + ", k " + saved.k() + ", genotypes " + (saved.shareGenotypes() ? "shared" : "not shared"));
        if (saved.token().isEmpty()) {
            context.out().println("nothing is sent until a token is set (--token-file FILE or --token-stdin)");
        }
        return ExitCode.OK;
    }

    /** The token on a line read like a password; the line is wiped by {@link Passwords#close}. */
    private static BearerToken tokenFromLine(char[] line) {
        return BearerToken.of(new String(line));
    }

    /** The token in an owner-only file (its first line; a final line break is ignored). */
    private static BearerToken readTokenFile(Path file) {
        String shown = Echo.of(file.toString());
        try {
            OwnerOnlyFile.require(file, "the token file " + shown, "nothing was done");
            if (Files.size(file) > MAX_TOKEN_FILE) {
                throw new CliFailure(ExitCode.FAILED, "the token file " + shown + " is too long for a token");
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            return BearerToken.of(end < 0 ? content : content.substring(0, end));
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, "the token file " + shown + " cannot be read");
        }
    }
}
