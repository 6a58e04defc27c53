package org.outpost.ui.cli.calc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.outpost.ui.cli.AdminCli;
import org.outpost.ui.console.CliContext;

/**
 * Runs {@code admin calc …} in-process through the real command line. The vault factory fails the test:
 * calc must never open a database.
 */
final class Calc {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-16T09:30:00Z"), ZoneOffset.UTC);

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }

        String errLine() {
            return err.endsWith("\n") ? err.substring(0, err.length() - 1) : err;
        }
    }

    private Calc() {
    }

    /** {@code admin calc ARGS} with {@code stdin} on standard input. */
    static Result calc(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = CliContext.of(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(), dir -> {
                    throw new AssertionError("admin calc opened a database in " + dir);
                }, CLOCK);
        String[] all = new String[args.length + 1];
        all[0] = "calc";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = new AdminCli(context).run(all);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
