package org.outpost.ui.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;

/**
 * When what the user waits for reached the screen, for the GUI bench ({@code ./outpost bench gui}, bench/README.md).
 * Off unless the environment variable {@code OUTPOST_TRACE} names a file; then each event is appended to it as one
 * line, {@code <epoch microseconds> <event>}, which the bench pairs with the time it pressed a key or started the
 * process. Events carry no patient data: names of screens and counts only.
 *
 * <p>"Drawn" means the frame showing the change has been rendered: JavaFX lays out and hands a frame to its render
 * thread at the end of a pulse, and the next pulse starts only when that frame is done, so the event is recorded at
 * the start of the pulse after the one that laid the change out.
 */
public final class UiTrace {
    /** The environment variable naming the trace file. */
    public static final String VARIABLE = "OUTPOST_TRACE";

    private static final UiTrace OFF = new UiTrace(null, Clock.systemUTC());

    private final Writer out;
    private final Clock clock;

    private UiTrace(Writer out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A trace that records nothing (the product's normal state). */
    public static UiTrace off() {
        return OFF;
    }

    /**
     * The trace {@code env} asks for: off without {@value #VARIABLE}, else appending to that file. A file that cannot
     * be opened turns the trace off rather than stopping the app.
     */
    public static UiTrace fromEnvironment(Map<String, String> env) {
        String file = env.get(VARIABLE);
        if (file == null || file.isBlank()) {
            return OFF;
        }
        try {
            return to(Path.of(file), Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            System.err.println("outpost: the trace file cannot be written (" + e.getMessage() + "); tracing is off");
            return OFF;
        }
    }

    /** A trace appending to {@code file}, timed by {@code clock}. */
    public static UiTrace to(Path file, Clock clock) throws IOException {
        return new UiTrace(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), Objects.requireNonNull(clock));
    }

    /** Whether events are recorded. */
    public boolean enabled() {
        return out != null;
    }

    /** Records {@code event} now. */
    public void mark(String event) {
        if (out == null) {
            return;
        }
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        synchronized (this) {
            try {
                out.write(micros + " " + event + "\n");
                out.flush();
            } catch (IOException e) {
                // a bench aid only: losing a line must never disturb the app
            }
        }
    }

    /** Records {@code event} once the frame now being laid out in {@code scene} has been rendered (FX thread). */
    public void markDrawn(Scene scene, String event) {
        if (out == null) {
            return;
        }
        if (scene == null) {
            mark(event);
            return;
        }
        Runnable[] after = new Runnable[2];
        after[1] = () -> {
            scene.removePreLayoutPulseListener(after[1]);
            mark(event);
        };
        after[0] = () -> {
            scene.removePostLayoutPulseListener(after[0]);
            scene.addPreLayoutPulseListener(after[1]);
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(after[0]);
        Platform.requestNextPulse();
    }

    /**
     * Records {@code event} when {@code busy} next turns false (work finished and shown), drawn as above; nothing when
     * the trace is off.
     */
    public void markDrawnWhenDone(ObservableBooleanValue busy, java.util.function.Supplier<Scene> scene, String event) {
        if (out == null) {
            return;
        }
        busy.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    busy.removeListener(this);
                    markDrawn(scene.get(), event);
                }
            }
        });
    }
}
