package org.outpost.ui.console;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.outpost.app.content.TrustedKeys;
import org.outpost.app.port.Vault;
import org.outpost.ui.platform.DataDirectories;

/**
 * Everything the admin commands take from the outside world, so tests can run them in-process with their
 * own streams, environment and clock.
 *
 * @param in          standard input: where {@code --password-stdin} reads passwords, one a line
 * @param out         standard output: results
 * @param err         standard error: progress and the one-line failure message
 * @param environment the process environment (for {@code OUTPOST_DATA_DIR})
 * @param directories resolves {@code --data-dir} against the environment and the OS default
 * @param vaults      opens the vault of a data directory (the encrypted H2 store in production)
 * @param clock       the clinic's clock
 * @param console     the terminal, to prompt for passwords when {@code --password-stdin} is not given
 * @param trustedKeys the keys whose signatures {@code admin content} accepts on content updates: the shipped ones,
 *                    or a test's throw-away key
 */
public record CliContext(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment,
                         DataDirectories directories, Function<Path, Vault> vaults, Clock clock,
                         Optional<Console> console, TrustedKeys trustedKeys) {
    public CliContext {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(directories, "directories");
        Objects.requireNonNull(vaults, "vaults");
        Objects.requireNonNull(clock, "clock");
        console = console == null ? Optional.empty() : console;
        Objects.requireNonNull(trustedKeys, "trustedKeys");
    }

    /**
     * The running process: its standard streams, environment, terminal and the system clock. At a terminal
     * output uses the terminal's encoding; redirected to a file or a pipe it is UTF-8, whatever the locale,
     * so accented names survive in exports.
     */
    public static CliContext ofSystem(Function<Path, Vault> vaults, Clock clock) {
        Optional<Console> terminal = Optional.ofNullable(System.console()).filter(Console::isTerminal);
        PrintStream out = terminal.isPresent() ? System.out
                : new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = terminal.isPresent() ? System.err
                : new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return new CliContext(System.in, out, err, System.getenv(), DataDirectories.ofSystem(), vaults, clock,
                terminal, TrustedKeys.shipped());
    }

    /** In-process, e.g. for tests: no terminal, data directories resolved against {@code environment}. */
    public static CliContext of(InputStream in, PrintStream out, PrintStream err, Map<String, String> environment,
                                Function<Path, Vault> vaults, Clock clock) {
        return new CliContext(in, out, err, environment,
                new DataDirectories(environment, System.getProperty("os.name", ""),
                        Path.of(System.getProperty("user.home"))),
                vaults, clock, Optional.empty(), TrustedKeys.shipped());
    }

    /** The same context trusting {@code keys} instead (tests sign content with a throw-away key). */
    public CliContext withTrustedKeys(TrustedKeys keys) {
        return new CliContext(in, out, err, environment, directories, vaults, clock, console, keys);
    }

    /** The vault of {@code directory}. */
    public Vault vault(Path directory) {
        return vaults.apply(directory);
    }
}
