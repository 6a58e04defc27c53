package org.outpost.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.outpost.app.port.Store;

/**
 * A separate JVM doing one store operation, for tests about two processes at once. Prints one line:
 * {@code CREATED}, or {@code REFUSED <exception type>: <message>}.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /** {@code create DIR USER}: creates a database (low-cost key slots) and closes it. */
    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        try {
            if (args[0].equals("create")) {
                try (Store s = TestVaults.fast(dir, Clock.systemUTC()).create(args[2], "Admin", Fixtures.pw()).store()) {
                    System.out.println("CREATED");
                }
            }
        } catch (RuntimeException e) {
            System.out.println("REFUSED " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        System.out.flush();
    }

    /** Starts {@code args} in a child JVM with this test class path. */
    static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=off",
                ChildProcess.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The child's output once it has ended. */
    static String outcome(Process p) throws IOException, InterruptedException {
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("child did not finish");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
