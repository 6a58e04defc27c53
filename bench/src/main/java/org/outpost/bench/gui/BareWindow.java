package org.outpost.bench.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The GUI bench's reference for start-up: a bare JavaFX window (one label, the same size as Outpost's) started on the
 * packaged app's own runtime with the app's JVM options. It appends {@code <epoch µs> window.shown} to the file named
 * by {@code OUTPOST_TRACE} once its first frame is rendered, as Outpost's own trace does, so the two start-ups are
 * measured the same way. Depends on nothing but JavaFX.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Outpost bench: bare window")), 1280, 720);
        stage.setTitle("Bare window");
        stage.setScene(scene);
        stage.show();
        Runnable[] after = new Runnable[2];
        after[1] = () -> {
            scene.removePreLayoutPulseListener(after[1]);
            mark("window-shown");
        };
        after[0] = () -> {
            scene.removePostLayoutPulseListener(after[0]);
            scene.addPreLayoutPulseListener(after[1]);
            Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(after[0]);
        Platform.requestNextPulse();
    }

    private static void mark(String event) {
        String file = System.getenv("OUTPOST_TRACE");
        if (file == null) {
            return;
        }
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        try {
            Files.writeString(Path.of(file), micros + " " + event + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("bare window: cannot write the trace: " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        launch(BareWindow.class, args);
    }
}
