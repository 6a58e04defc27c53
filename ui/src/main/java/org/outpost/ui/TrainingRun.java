package org.outpost.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.demo.DemoDataService;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.port.Vault;
import org.outpost.app.usecase.Session;
import org.outpost.ui.shell.MainWindow;

/**
 * The packaging step's training run for the JDK's ahead-of-time cache (JEP 483/514/515; {@code packaging/package.sh}):
 * with {@value #VARIABLE} naming an empty directory, the installed launcher makes a small synthetic database there,
 * and the window then does what every session does first, through the real screens: sign in, search, open a chart and
 * show each of its tabs, then quits. The JVM records the classes loaded and linked and the methods profiled on the way
 * and writes the cache when the app exits; every later start maps them instead of loading them again.
 *
 * <p>Nothing of the training data leaves the directory, which the packaging step deletes.
 */
final class TrainingRun {
    /** The environment variable that asks for a training run, naming its (empty) data directory. */
    static final String VARIABLE = "OUTPOST_TRAINING_RUN";
    private static final String USER = "trainer";
    /** Synthetic data in a throw-away directory; the key derivation is still the real one. */
    private static final String PASSWORD = "training run only, never a real database";
    /** What a training run that could not play its session prints (package.sh fails on it). */
    static final String FAILED = "The training run failed";
    private static final Duration STEP = Duration.seconds(1.5);

    private final MainWindow window;
    private final Scene scene;
    private final Deque<Runnable> steps = new ArrayDeque<>();

    private TrainingRun(MainWindow window, Scene scene) {
        this.window = window;
        this.scene = scene;
    }

    /** The training run's data directory, when the environment asks for one. */
    static Optional<Path> requested(Map<String, String> env) {
        String dir = env.get(VARIABLE);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    /** Makes the training database (before the window is built, so it opens on the sign-in form). */
    static void prepare(Vault vault, Clock clock) {
        if (vault.isInitialized()) {
            throw new IllegalStateException("The training run needs an empty data directory");
        }
        Vault.Unlocked created = vault.create(USER, "Training run", PASSWORD.toCharArray());
        try (org.outpost.app.port.Store store = created.store()) {
            new DemoDataService(store, clock, new Session(created.user()))
                    .create(30, DemoDataGenerator.DEFAULT_SEED, DemoDataService.Progress.silent());
        }
    }

    /** Plays the session in the shown window, then quits the app. */
    static void play(MainWindow window, Scene scene, Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalStateException("No training database in " + dataDir);
        }
        new TrainingRun(window, scene).start();
    }

    private void start() {
        steps.add(() -> {
            field("#login-username").setText(USER);
            PasswordField password = (PasswordField) scene.lookup("#login-password");
            password.setText(PASSWORD);
            password.fireEvent(new javafx.event.ActionEvent());
        });
        steps.add(() -> window.shell().orElseThrow().showSearch());
        steps.add(() -> field("#search-field").setText("OP-0000"));
        steps.add(() -> field("#search-field").setText("OP-00001"));
        steps.add(() -> {
            @SuppressWarnings("unchecked")
            TableView<PatientSummary> results = (TableView<PatientSummary>) scene.lookup("#search-results");
            window.shell().orElseThrow().openChart(results.getItems().getFirst().id());
        });
        steps.add(this::visitTabs);
        steps.add(() -> window.shell().orElseThrow().showSearch());
        steps.add(() -> field("#search-field").setText("OP-00002"));
        steps.add(() -> {
            @SuppressWarnings("unchecked")
            TableView<PatientSummary> results = (TableView<PatientSummary>) scene.lookup("#search-results");
            window.shell().orElseThrow().openChart(results.getItems().getLast().id());
        });
        steps.add(window::lock);
        steps.add(Platform::exit);
        next();
    }

    private void next() {
        Runnable step = steps.poll();
        if (step == null) {
            return;
        }
        PauseTransition pause = new PauseTransition(STEP);
        pause.setOnFinished(e -> {
            try {
                step.run();
            } catch (RuntimeException failed) {
                // a training run that cannot finish must fail the packaging step (which looks for this line), not
                // leave it waiting
                System.err.println(FAILED + ": " + failed);
                failed.printStackTrace();
                steps.clear();
                Platform.exit();
                return;
            }
            next();
        });
        pause.play();
    }

    /** Selects each tab of the chart in turn (a step each), so their screens are built and drawn. */
    private void visitTabs() {
        for (Node n : scene.getRoot().lookupAll(".tab-pane")) {
            if (n instanceof TabPane pane && pane.isVisible()) {
                for (Tab tab : pane.getTabs()) {
                    steps.addFirst(() -> pane.getSelectionModel().select(tab));
                }
            }
        }
    }

    private TextField field(String id) {
        return (TextField) scene.lookup(id);
    }
}
