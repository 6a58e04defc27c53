package org.outpost.smoke;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Java agent that runs {@link SmokeJourney} inside the packaged app. {@code smoke/run.sh} starts the
 * installed launcher ({@code bin/Outpost}) with {@code JAVA_TOOL_OPTIONS=-javaagent:…}, so the app runs
 * exactly as a clinic runs it (its jlink runtime, its JavaFX modules, the launcher's JVM options and class
 * path) while the journey drives its window.
 *
 * <p>Arguments: {@code mrn=…,out=DIR} (comma-separated); the password the script gave every account comes
 * in the environment variable {@code OUTPOST_SMOKE_PASSWORD}, so it is never on a command line. The verdict is the process's exit status and a {@code SMOKE PASSED} or
 * {@code SMOKE FAILED: …} line on standard output; a failure leaves a screenshot in {@code out}.
 */
public final class SmokeAgent {
    private SmokeAgent() {
    }

    public static void premain(String args, Instrumentation instrumentation) {
        Map<String, String> options = parse(args == null ? "" : args);
        SmokeJourney journey = new SmokeJourney(
                require(Map.of("password", System.getenv().getOrDefault("OUTPOST_SMOKE_PASSWORD", "")), "password"),
                require(options, "mrn"), Path.of(require(options, "out")));
        Thread thread = new Thread(journey::runAndExit, "smoke-journey");
        thread.setDaemon(true);
        thread.start();
    }

    static Map<String, String> parse(String args) {
        Map<String, String> options = new HashMap<>();
        for (String part : args.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                options.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        return options;
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("smoke agent: missing argument " + key);
        }
        return value;
    }
}
