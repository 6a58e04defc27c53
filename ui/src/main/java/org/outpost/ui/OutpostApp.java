package org.outpost.ui;

import org.outpost.ui.platform.DataDirectories;
import org.outpost.ui.platform.UiTrace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.port.Vault;
import org.outpost.store.H2Vault;
import org.outpost.ui.concurrent.FxDebouncer;
import org.outpost.ui.concurrent.FxTaskRunner;
import org.outpost.ui.concurrent.NamedThreads;
import org.outpost.ui.concurrent.NoticeBoard;
import org.outpost.ui.shell.MainWindow;
import org.outpost.ui.shell.WindowKeeper;
import org.outpost.ui.shell.WindowPlacement;
import org.outpost.ui.shell.ScreenContext;
import org.outpost.ui.shell.sync.SyncOptions;
import org.outpost.ui.text.UiText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application and its composition root: reads the options, resolves the data directory,
 * makes the vault (nothing is opened yet), and shows the window with setup or sign-in. Everything
 * else is built after unlock.
 */
public final class OutpostApp extends Application {
    /** Typing pause before a search runs. */
    static final java.time.Duration SEARCH_DEBOUNCE = java.time.Duration.ofMillis(150);

    /** The main window's size and position, in the data directory (per user, as the data directory is). */
    static final String WINDOW_FILE = "window.properties";

    private static final Logger LOG = LoggerFactory.getLogger(OutpostApp.class);

    private ExecutorService storeThread;

    public static void launchDesktop(String[] args) {
        Application.launch(OutpostApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppOptions options = AppOptions.parse(getParameters().getRaw(), Locale.getDefault()); // checked by Launcher
        java.util.Optional<Path> training = TrainingRun.requested(System.getenv());
        Path dataDir = training.orElseGet(() -> DataDirectories.ofSystem().resolve(options.dataDirectory()));
        java.util.Optional<Path> logFile = LogFiles.toDataDirectory(dataDir);
        NoticeBoard notices = new NoticeBoard(Platform::runLater);
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> notices.report(e));
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> notices.report(e));
        storeThread = NamedThreads.single("outpost-store", notices);
        Clock clock = Clock.systemDefaultZone();
        Vault vault = Vaults.DEFAULT.apply(dataDir, clock);
        if (training.isPresent()) {
            TrainingRun.prepare(vault, clock);
        }
        UiTrace trace = UiTrace.fromEnvironment(System.getenv());
        // while the user types the password, off the FX thread and not on the store thread (which the sign-in
        // needs at once): the clinical tables (bundled, or an update in the data directory) load, and the database
        // engine's classes are loaded and run once, so that signing in does not wait for either
        // — started once the first frame is on screen, so that they do not slow it down on a two-core machine
        ExecutorService warmUp = NamedThreads.single("outpost-warm-up", notices);
        java.util.concurrent.CompletableFuture<ClinicalContent> content = new java.util.concurrent.CompletableFuture<>();
        content.thenAccept(c -> c.problems().forEach(n -> LOG.warn("Clinical content: {}", n)));
        Runnable startWarmUp = () -> {
            warmUp.execute(() -> {
                try {
                    content.complete(ClinicalContent.forDataDirectory(dataDir));
                } catch (RuntimeException | Error e) {
                    content.completeExceptionally(e);
                }
            });
            warmUp.execute(vault::prepare);
            warmUp.shutdown();
        };
        FxTaskRunner tasks = new FxTaskRunner(storeThread, notices);
        MainWindow window = compose(vault, clock, options, notices, tasks, content::join, logFile,
                SyncOptions.forDataDirectory(dataDir), trace);
        stage.setTitle(new UiText(options.locale()).get("app.title"));
        // the window fits the screen it opens on (a 1366×768 laptop less its task bar included) and opens where the
        // user left it, if that is still on a connected screen
        stage.setScene(window.createScene(WindowPlacement.MIN_WIDTH, WindowPlacement.MIN_HEIGHT));
        WindowKeeper.keep(stage, dataDir.resolve(WINDOW_FILE));
        stage.setOnHidden(e -> window.lock());
        stage.show();
        trace.markDrawn(stage.getScene(), "window-shown");
        whenFirstFrameDrawn(stage.getScene(), startWarmUp);
        training.ifPresent(dir -> TrainingRun.play(window, stage.getScene(), dir));
    }

    /** Runs {@code then} (on the FX thread) once the scene's first frame has been laid out and handed to rendering. */
    private static void whenFirstFrameDrawn(javafx.scene.Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(then); // after this pulse, not inside it
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Wires a window from its parts; tests call this with their own vault, clock, runner and timeout. */
    public static MainWindow compose(Vault vault, Clock clock, AppOptions options, NoticeBoard notices,
                                     org.outpost.ui.concurrent.TaskRunner tasks) {
        return compose(vault, clock, options, notices, tasks, ClinicalContent::bundled, java.util.Optional.empty());
    }

    /** As above, with the clinical tables in force from {@code content} and the log file the error bar names. */
    public static MainWindow compose(Vault vault, Clock clock, AppOptions options, NoticeBoard notices,
                                     org.outpost.ui.concurrent.TaskRunner tasks,
                                     java.util.function.Supplier<ClinicalContent> content,
                                     java.util.Optional<Path> logFile) {
        return compose(vault, clock, options, notices, tasks, content, logFile, SyncOptions.standard());
    }

    /**
     * As above, with how each session's sync runs: the desktop pins the CA in {@code <data-dir>/sync-ca.pem} when
     * that file exists; tests shorten the loop and the read timeout.
     */
    public static MainWindow compose(Vault vault, Clock clock, AppOptions options, NoticeBoard notices,
                                     org.outpost.ui.concurrent.TaskRunner tasks,
                                     java.util.function.Supplier<ClinicalContent> content,
                                     java.util.Optional<Path> logFile, SyncOptions sync) {
        return compose(vault, clock, options, notices, tasks, content, logFile, sync, UiTrace.off());
    }

    /** As above, recording when screens were drawn in {@code trace} (the GUI bench). */
    public static MainWindow compose(Vault vault, Clock clock, AppOptions options, NoticeBoard notices,
                                     org.outpost.ui.concurrent.TaskRunner tasks,
                                     java.util.function.Supplier<ClinicalContent> content,
                                     java.util.Optional<Path> logFile, SyncOptions sync, UiTrace trace) {
        UiText text = new UiText(options.locale());
        ScreenContext context = new ScreenContext(tasks, text, () -> new FxDebouncer(SEARCH_DEBOUNCE), logFile,
                trace);
        return new MainWindow(vault, clock, context, notices, options.idleLock(), content, sync);
    }

    @Override
    public void stop() {
        if (storeThread != null) {
            storeThread.shutdown(); // lets the lock queued when the window closed finish
            try {
                storeThread.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How the data directory becomes a vault. */
    static final class Vaults {
        /** The encrypted H2 store; constructing it opens nothing (H2 loads on unlock). */
        static final BiFunction<Path, Clock, Vault> DEFAULT = H2Vault::new;

        private Vaults() {
        }
    }
}
