package org.outpost.bench.idle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.outpost.app.catalog.ClinicalContent;
import org.outpost.app.domain.PatientSummary;
import org.outpost.store.H2Vault;
import org.outpost.ui.AppOptions;
import org.outpost.ui.OutpostApp;
import org.outpost.ui.concurrent.FxTaskRunner;
import org.outpost.ui.concurrent.NamedThreads;
import org.outpost.ui.concurrent.NoticeBoard;
import org.outpost.ui.shell.MainWindow;
import org.outpost.ui.shell.ShellView;
import org.outpost.ui.shell.sync.SyncOptions;

/**
 * {@code ./outpost bench idle}: how much CPU the desktop app uses while a screen sits idle. Starts the real window
 * (wired as {@link OutpostApp} wires it, on a demo database, with sync as the data directory configures it) in this
 * process, drives it to each main screen by calling the shell and view models and firing the sign-in, lets it settle,
 * then measures this process's CPU time (user + system, all threads, {@code getProcessCpuTime}) over a window of
 * wall time and prints it as % of one core, with the threads that used most. Run it under Xvfb with software
 * rendering ({@code -Dprism.order=sw}), as the launcher script does.
 *
 * <p>Arguments: {@code --data-dir DIR --user NAME --password-stdin} (one line), {@code --seconds N} (measured per
 * screen, default 20), {@code --settle N} (seconds before measuring, default 10).
 */
public final class IdleCpuBench extends Application {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The command line: where the demo database is, who signs in, how long to settle and measure. */
    private record Options(Path dataDir, String user, String password, int seconds, int settle) {
        static Options parse(List<String> args) throws java.io.IOException {
            Path dataDir = null;
            String user = null;
            String password = null;
            int seconds = 20;
            int settle = 10;
            for (int i = 0; i < args.size(); i++) {
                switch (args.get(i)) {
                    case "--data-dir" -> dataDir = Path.of(args.get(++i));
                    case "--user" -> user = args.get(++i);
                    case "--seconds" -> seconds = Integer.parseInt(args.get(++i));
                    case "--settle" -> settle = Integer.parseInt(args.get(++i));
                    case "--password-stdin" -> password = new java.io.BufferedReader(new java.io.InputStreamReader(
                            System.in, java.nio.charset.StandardCharsets.UTF_8)).readLine();
                    default -> throw new IllegalArgumentException("Unknown argument " + args.get(i));
                }
            }
            if (dataDir == null || user == null || password == null) {
                throw new IllegalArgumentException("Needs --data-dir DIR --user NAME --password-stdin");
            }
            return new Options(dataDir, user, password, seconds, settle);
        }
    }

    /** Layout pulses so far: a screen with nothing to do should have none. */
    private final java.util.concurrent.atomic.AtomicLong pulses = new java.util.concurrent.atomic.AtomicLong();
    private Options options;
    private MainWindow window;
    private ExecutorService storeThread;

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        Application.launch(IdleCpuBench.class, args);
    }

    @Override
    public void start(Stage stage) throws Exception {
        options = Options.parse(getParameters().getRaw());
        Path dataDir = options.dataDir();
        NoticeBoard notices = new NoticeBoard(Platform::runLater);
        storeThread = NamedThreads.single("outpost-store", notices);
        Clock clock = Clock.systemDefaultZone();
        window = OutpostApp.compose(new H2Vault(dataDir, clock), clock,
                new AppOptions(Optional.of(dataDir), Duration.ofHours(8), Locale.ENGLISH), notices,
                new FxTaskRunner(storeThread, notices), () -> ClinicalContent.forDataDirectory(dataDir),
                Optional.empty(), SyncOptions.forDataDirectory(dataDir));
        // a 1366×768 laptop less its task bar and title bar
        stage.setScene(window.createScene(1366, 698));
        stage.getScene().addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.show();
        Thread driver = new Thread(this::drive, "idle-bench-driver");
        driver.setDaemon(true);
        driver.start();
    }

    private void drive() {
        List<String[]> rows = new ArrayList<>();
        try {
            rows.add(measure("sign-in (caret in the user name)", () -> { }));
            fx(() -> {
                ((TextInputControl) window.root().lookup("#login-username")).setText(options.user());
                ((TextInputControl) window.root().lookup("#login-password")).setText(options.password());
                ((javafx.scene.control.Button) window.root().lookup("#login-submit")).fire();
                return null;
            });
            await(window::isUnlocked);
            rows.add(measure("patient search (results listed)", () -> {
                shell().showSearch();
                ((TextInputControl) window.root().lookup("#search-field")).setText("a");
            }));
            await(() -> !results().getItems().isEmpty());
            PatientSummary first = fx(() -> results().getItems().get(0));
            rows.add(measure("chart: summary", () -> shell().openChart(first.id())));
            rows.add(measure("chart: vitals and labs (trend)", () -> shell().currentChart().orElseThrow()
                    .showObservations()));
            rows.add(measure("chart: risk", () -> selectTab("chart-tab-risk")));
            rows.add(measure("chart: record form open (caret in a field)", () -> {
                selectTab("chart-tab-summary");
                shell().record();
            }));
            rows.add(measure("chart: summary again (record form closed)", () -> {
                shell().currentChart().orElseThrow().closeRecord();
                selectTab("chart-tab-summary");
            }));
            rows.add(measure("admin", () -> shell().openAdmin()));
            System.out.println();
            System.out.printf("Idle CPU per screen: %d s measured after %d s settling, %s, prism.order=%s, %d cores%n",
                    options.seconds(), options.settle(), Runtime.version(),
                    System.getProperty("prism.order", "(default)"),
                    Runtime.getRuntime().availableProcessors());
            System.out.println();
            System.out.println("| screen | % of one core | pulses/s | busiest threads (% of one core) |");
            System.out.println("| --- | ---: | ---: | --- |");
            for (String[] r : rows) {
                System.out.println("| " + r[0] + " | " + r[1] + " | " + r[3] + " | " + r[2] + " |");
            }
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            Platform.runLater(() -> {
                window.lock();
                storeThread.shutdown();
                Platform.exit();
            });
        }
    }

    private ShellView shell() {
        return window.shell().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private TableView<PatientSummary> results() {
        return (TableView<PatientSummary>) window.root().lookup("#search-results");
    }

    private void selectTab(String id) {
        Node chart = window.root().lookup("#chart-view");
        TabPane tabs = (TabPane) chart.lookup(".tab-pane");
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Goes to a screen on the FX thread, waits the settling time, then measures. */
    private String[] measure(String screen, Runnable goTo) throws Exception {
        fx(() -> {
            goTo.run();
            return null;
        });
        Thread.sleep(options.settle() * 1000L);
        Map<Long, Long> before = threadTimes();
        long pulses0 = pulses.get();
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        Thread.sleep(options.seconds() * 1000L);
        long cpu1 = processCpuNanos();
        long wall = System.nanoTime() - wall0;
        long pulseCount = pulses.get() - pulses0;
        Map<Long, Long> after = threadTimes();
        long javaThreads = after.entrySet().stream()
                .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        double percent = 100.0 * (cpu1 - cpu0) / wall;
        List<String> busiest = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(3)
                .map(e -> {
                    ThreadInfo info = THREADS.getThreadInfo(e.getKey());
                    String name = info == null ? "#" + e.getKey() : info.getThreadName();
                    return String.format(Locale.ROOT, "%s %.2f", name, 100.0 * e.getValue() / wall);
                })
                .toList();
        String[] row = {screen, String.format(Locale.ROOT, "%.2f", percent), String.join(", ", busiest)
                + String.format(Locale.ROOT, "; JIT, GC and native threads %.2f",
                        Math.max(0, 100.0 * ((cpu1 - cpu0) - javaThreads) / wall)),
                String.format(Locale.ROOT, "%.1f", pulseCount * 1e9 / wall)};
        System.out.println(row[0] + ": " + row[1] + " % of one core, " + row[3] + " pulses/s (" + row[2] + ")");
        return row;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> threadTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            if (t >= 0) {
                times.put(id, t);
            }
        }
        return times;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!fx(condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("The app did not reach the expected state within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
