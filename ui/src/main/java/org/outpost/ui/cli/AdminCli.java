package org.outpost.ui.cli;

import org.outpost.ui.console.ExitCode;
import org.outpost.ui.console.CliContext;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.List;
import org.outpost.app.domain.Role;
import picocli.CommandLine;

/**
 * Runs the admin command line in this process: {@code new AdminCli(context).run("user", "list", …)}
 * returns the exit code (see {@link ExitCode}) instead of exiting, so tests and the launcher share it.
 */
public final class AdminCli {
    private final CliContext context;

    public AdminCli(CliContext context) {
        this.context = context;
    }

    /** Parses and runs one command line (without the leading {@code admin}); returns the exit code. */
    public int run(String... args) {
        CommandLine cli = new CommandLine(new AdminCommand(), new Factory(context));
        cli.setOut(new PrintWriter(new OutputStreamWriter(context.out(), context.out().charset()), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(context.err(), context.err().charset()), true));
        cli.registerConverter(Role.class, Role::fromCode);
        cli.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            context.err().println(EchoSafe.line(usageMessage(e), EchoSafe.USAGE_MAX) + " (see '" + command + " --help')");
            context.err().flush();
            return ExitCode.USAGE;
        });
        Failures failures = new Failures(context);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failures.report(e));
        int code = cli.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }

    /**
     * Picocli's message in one line. Unmatched arguments are not echoed, except option names: someone who
     * typed {@code --password secret} must not find the secret repeated on the screen or in a CI log.
     */
    private static String usageMessage(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream()
                    .filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                    .toList();
            return options.isEmpty() ? "Unexpected argument" : "Unknown option: " + String.join(", ", options);
        }
        return e.getMessage().replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Creates commands with the context: a command class has a constructor taking a {@link CliContext}. */
    private record Factory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> withContext;
            try {
                withContext = type.getDeclaredConstructor(CliContext.class);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            withContext.setAccessible(true);
            return withContext.newInstance(context);
        }
    }
}
