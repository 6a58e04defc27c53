package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;

/**
 * Reads the passwords one command needs: line 1 and line 2 of standard input with {@code --password-stdin},
 * or of a file with {@code --password-file FILE} (which must be a regular file that only its owner can read:
 * a password in a file others can read, or in a shell history, is a password given away), otherwise from
 * the terminal without echo. Passwords are only ever {@code char[]} (never a
 * {@code String}, which cannot be wiped); {@link #close} overwrites every array handed out and every
 * buffer used.
 */
final class Passwords implements AutoCloseable {
    private static final int MAX_LINE = 4096;

    private final CliContext context;
    private final boolean fromStdin;
    private final java.nio.file.Path file;
    private final List<char[]> handedOut = new ArrayList<>();
    private char[] firstLine;
    private Reader reader;
    private int linesRead;

    Passwords(CliContext context, boolean fromStdin) {
        this(context, fromStdin, null);
    }

    /** Lines come from {@code file} when it is not null, else as {@link #Passwords(CliContext, boolean)}. */
    Passwords(CliContext context, boolean fromStdin, java.nio.file.Path file) {
        if (fromStdin && file != null) {
            throw new CliFailure(ExitCode.USAGE, "give the password with --password-stdin or --password-file, not both");
        }
        this.context = context;
        this.fromStdin = fromStdin || file != null;
        this.file = file;
    }

    /**
     * The first line: the password of the user running the command (or of the account being created).
     * Asking again returns the same array (a command that closes the store and then rotates the data key
     * needs it twice; the line is read, or asked at the terminal, once).
     */
    char[] first(String prompt) {
        if (firstLine == null) {
            firstLine = line(1, prompt);
        }
        return firstLine;
    }

    /** The second line: a new password for another account. */
    char[] second(String prompt) {
        return line(2, prompt);
    }

    /**
     * A password being set for an account, on line {@code number} of standard input; at a terminal it
     * is asked twice and the two must agree.
     */
    char[] newPassword(int number, String prompt) {
        char[] password = line(number, prompt);
        if (!fromStdin) {
            char[] again = line(number, "Repeat it");
            if (!Arrays.equals(password, again)) {
                throw new ValidationException(List.of(Violation.of("password", "password.mismatch")));
            }
        }
        return password;
    }

    private char[] line(int number, String prompt) {
        char[] password;
        if (fromStdin) {
            password = null;
            while (linesRead < number) {
                char[] read = readLine();
                linesRead++;
                if (read == null) {
                    throw new CliFailure(ExitCode.FAILED, (file == null ? "standard input" : "the password file")
                            + " has no line " + number + " (" + prompt.toLowerCase(Locale.ROOT) + ")");
                }
                if (linesRead == number) {
                    password = read;
                } else {
                    Arrays.fill(read, '\0');
                }
            }
            if (password == null) {
                throw new IllegalStateException("password lines must be read in order");
            }
        } else {
            password = context.console()
                    .map(console -> console.readPassword("%s: ", prompt))
                    .orElseThrow(() -> new CliFailure(ExitCode.USAGE, "no terminal to ask for the password: give it"
                            + " with --password-file FILE (owner-only) or on standard input with --password-stdin"));
            if (password == null) {
                throw new CliFailure(ExitCode.FAILED, "no password given");
            }
        }
        handedOut.add(password);
        return password;
    }

    /** One line without its line break, or null at the end of input. */
    private char[] readLine() {
        if (reader == null) {
            reader = new InputStreamReader(file == null ? context.in() : openPasswordFile(file), StandardCharsets.UTF_8);
        }
        char[] buffer = new char[64];
        int length = 0;
        try {
            int c = reader.read();
            if (c < 0) {
                return null;
            }
            while (c >= 0 && c != '\n') {
                if (length == buffer.length) {
                    if (length >= MAX_LINE) {
                        Arrays.fill(buffer, '\0');
                        throw new CliFailure(ExitCode.FAILED, "a line of standard input is too long for a password");
                    }
                    char[] bigger = Arrays.copyOf(buffer, length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = bigger;
                }
                buffer[length++] = (char) c;
                c = reader.read();
            }
        } catch (IOException e) {
            Arrays.fill(buffer, '\0');
            throw new UncheckedIOException("cannot read standard input", e);
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }

    /** Opens a password file after checking that it is a small regular file only its owner can read. */
    private static java.io.InputStream openPasswordFile(java.nio.file.Path file) {
        String shown = org.outpost.app.validation.Echo.of(file.toString());
        try {
            OwnerOnlyFile.require(file, "the password file " + shown, "nothing was done");
            if (java.nio.file.Files.size(file) > 2L * MAX_LINE) {
                throw new CliFailure(ExitCode.FAILED, "the password file " + shown + " is too long for passwords");
            }
            return java.nio.file.Files.newInputStream(file);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.FAILED, "the password file " + shown + " cannot be read");
        }
    }

    /** Wipes every password read. Standard input itself is left open: it belongs to the caller. */
    @Override
    public void close() {
        for (char[] p : handedOut) {
            Arrays.fill(p, '\0');
        }
        handedOut.clear();
        if (file != null && reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // read-only file: nothing to lose
            }
        }
    }
}
