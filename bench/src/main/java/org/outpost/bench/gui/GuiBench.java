package org.outpost.bench.gui;

import java.awt.Robot;
import java.awt.event.KeyEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code ./outpost bench gui} (issue 17): what the user waits for in the <em>packaged</em> app, measured from outside
 * as a user meets it. Runs under Xvfb (the command wraps it in {@code xvfb-run}); starts the app image's own launcher
 * ({@code Outpost/bin/Outpost}) on a 100k-patient database, types into it through the X server's XTEST extension
 * ({@link Robot}: real key events, as a keyboard makes them) and reads the app's trace ({@code OUTPOST_TRACE}, see
 * {@code org.outpost.ui.platform.UiTrace}) for the moment each result was drawn.
 *
 * <p>Per run, alternating which goes first: the bare JavaFX window on the app's runtime ({@link BareWindow}) and the
 * app, launch → first frame; then in the app: the user name and password typed at a human pace, Enter → patient
 * screen drawn; searches typed as a quick burst of keys, last key → results drawn; Enter on the first result → chart
 * drawn (first and second chart); resident memory (RSS of the app's process tree) after unlock and after one chart.
 * Then one long session: {@code --charts N} charts opened in a row (search, open, back), RSS after each fifty, and
 * RSS again after {@code --idle S} seconds without input (default 90: what the app gives back in a pause).
 * Each row is reported as the median and min–max over the runs.
 */
public final class GuiBench {
    /** Family-name prefixes of the bench database (org.outpost.bench.Dataset's names), as a receptionist types them. */
    static final List<String> QUERIES = List.of("gar", "sil ma", "lop", "mar", "fer", "san", "rod", "gon", "mor",
            "per");
    /** A person's typing: ≈ 200 characters a minute (sign-in). */
    private static final long HUMAN_KEY_MS = 300;
    /** A practised burst (a search word): faster than the app's 150 ms pause, so one search runs per word. */
    private static final long BURST_KEY_MS = 40;

    private final Options options;
    private final Robot robot;
    private final PrintStream log;

    private GuiBench(Options options, Robot robot, PrintStream log) {
        this.options = options;
        this.robot = robot;
        this.log = log;
    }

    /** The command line. */
    record Options(Path app, Path dataDir, String user, String password, int runs, int charts, Path out,
                   Path benchClasses, List<String> queries, int patients, Path cache, int idleSeconds) {
        static Options parse(String[] args) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                named.put(args[i].substring(2), args[++i]);
            }
            Path dataDir;
            String user;
            String password;
            if (named.containsKey("data-dir")) { // a database of your own (any data directory and account)
                dataDir = Path.of(named.get("data-dir"));
                user = require(named, "user");
                password = require(named, "password");
            } else { // the bench's 100k-patient database, built once and reused
                dataDir = null;
                user = GuiDatabase.USER;
                password = GuiDatabase.PASSWORD;
            }
            return new Options(Path.of(named.getOrDefault("app", "packaging/target/dist/Outpost")),
                    dataDir, user, password,
                    Integer.parseInt(named.getOrDefault("runs", "11")),
                    Integer.parseInt(named.getOrDefault("charts", "200")),
                    Path.of(named.getOrDefault("out", "bench/target/gui-bench.md")),
                    Path.of(named.getOrDefault("bench-classes", "bench/target/classes")),
                    named.containsKey("queries") ? List.of(named.get("queries").split(",")) : QUERIES,
                    Integer.parseInt(named.getOrDefault("patients", "100000")),
                    Path.of(named.getOrDefault("cache", ".outpost-data/gui-bench")),
                    Integer.parseInt(named.getOrDefault("idle", "90")));
        }

        /** This run's data directory: the one given, or the bench database (built now if need be). */
        Options withDatabase(PrintStream log) {
            if (dataDir != null) {
                return this;
            }
            return new Options(app, GuiDatabase.ensure(cache, patients, log), user, password, runs, charts, out,
                    benchClasses, queries, patients, cache, idleSeconds);
        }

        private static String require(Map<String, String> named, String key) {
            String v = named.get(key);
            if (v == null) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return v;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args).withDatabase(System.err);
        if (!Files.isExecutable(options.app().resolve("bin/Outpost"))) {
            System.err.println("No app image at " + options.app() + " (build it with ./outpost package)");
            System.exit(1);
        }
        GuiBench bench = new GuiBench(options, new Robot(), System.err);
        String report = bench.run();
        System.out.print(report);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report, StandardCharsets.UTF_8);
        System.err.println("Report written to " + options.out());
    }

    /** One measured quantity's samples, in milliseconds or MB. */
    private static final class Samples {
        final String label;
        final String unit;
        final List<Double> values = new ArrayList<>();

        Samples(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        void add(double v) {
            values.add(v);
        }

        String cell() {
            if (values.isEmpty()) {
                return "–";
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return String.format(Locale.ROOT, "**%,.0f %s** (%,.0f–%,.0f, n=%d)", median(), unit, sorted.get(0),
                    sorted.get(n - 1), n);
        }

        double median() {
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n == 0 ? Double.NaN
                    : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private String query(int n) {
        return options.queries().get(n % options.queries().size());
    }

    private String run() throws Exception {
        Samples bare = new Samples("launch → bare JavaFX window drawn", "ms");
        Samples launch = new Samples("launch → sign-in window drawn", "ms");
        Samples unlock = new Samples("Enter at sign-in → patient screen drawn", "ms");
        Samples firstSearch = new Samples("keystroke → search results drawn, first search", "ms");
        Samples search = new Samples("keystroke → search results drawn, later searches", "ms");
        Samples firstChart = new Samples("open a chart → fully drawn (every panel loaded), first chart", "ms");
        Samples secondChart = new Samples("open a chart → fully drawn, second chart", "ms");
        Samples secondShown = new Samples("open a chart → its content drawn, second chart", "ms");
        Samples rssUnlock = new Samples("RSS after unlock", "MB");
        Samples rssChart = new Samples("RSS after one chart", "MB");
        for (int i = 0; i < options.runs(); i++) {
            log.printf("run %d of %d%n", i + 1, options.runs());
            if (i % 2 == 0) {
                bare.add(bareWindow());
            }
            try (App app = App.start(this)) {
                launch.add(app.launchMs);
                app.signIn();
                unlock.add(app.unlockMs);
                pause(1000);
                rssUnlock.add(app.rssMb());
                for (int q = 0; q < 4; q++) {
                    double ms = app.search(query(i + q));
                    (q == 0 ? firstSearch : search).add(ms);
                }
                firstChart.add(app.openFirstResult());
                pause(1000);
                rssChart.add(app.rssMb());
                app.search(query(i + 5));
                secondChart.add(app.openFirstResult());
                secondShown.add(app.lastChartShownMs);
            }
            if (i % 2 == 1) {
                bare.add(bareWindow());
            }
        }
        Map<Integer, Double> rssAfter = new LinkedHashMap<>();
        String rssParts = "";
        double idleRss = -1;
        Samples sessionCharts = new Samples("open a chart → drawn, charts 2…N of one session", "ms");
        if (options.charts() > 0) {
            log.printf("one session, %d charts%n", options.charts());
            try (App app = App.start(this)) {
                app.signIn();
                for (int c = 1; c <= options.charts(); c++) {
                    app.search(query(c));
                    double ms = app.openFirstResult();
                    if (c > 1) {
                        sessionCharts.add(ms);
                    }
                    if (c == 1 || c % 50 == 0 || c == options.charts()) {
                        pause(500);
                        rssAfter.put(c, app.rssMb());
                    }
                }
                if (options.idleSeconds() > 0) {
                    // a clinic's hour has pauses (the patient talks): what the app gives back once left alone
                    pause(options.idleSeconds() * 1000L);
                    idleRss = app.rssMb();
                }
                rssParts = app.rssParts();
            }
        }
        return report(List.of(launch, bare, unlock, firstSearch, search, firstChart, secondShown, secondChart, rssUnlock,
                        rssChart),
                launch.median() / bare.median(), sessionCharts, rssAfter)
                + (idleRss < 0 ? "" : String.format(Locale.ROOT, "| RSS after those %d charts and %d s without input | %,.0f MB |%n",
                        options.charts(), options.idleSeconds(), idleRss))
                + (rssParts.isEmpty() ? "" : "\nResident memory at the end of the session, largest parts: " + rssParts + "\n");
    }

    private String report(List<Samples> rows, double ratio, Samples sessionCharts, Map<Integer, Double> rssAfter)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("## GUI bench — ").append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
                .append("\n\n").append(machine()).append("\n\n");
        b.append("| what the user does | median (min–max, runs) |\n|---|---|\n");
        for (Samples s : rows) {
            b.append("| ").append(s.label).append(" | ").append(s.cell()).append(" |\n");
        }
        b.append(String.format(Locale.ROOT, "| start-up ÷ bare window (medians) | **%.2f×** |%n", ratio));
        if (!sessionCharts.values.isEmpty()) {
            b.append("| ").append(sessionCharts.label).append(" | ").append(sessionCharts.cell()).append(" |\n");
        }
        for (Map.Entry<Integer, Double> e : rssAfter.entrySet()) {
            b.append(String.format(Locale.ROOT, "| RSS after %d chart%s in one session | %,.0f MB |%n", e.getKey(),
                    e.getKey() == 1 ? "" : "s", e.getValue()));
        }
        return b.toString();
    }

    private String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .findFirst().map(l -> l.replaceAll("\\D+", "")).map(k -> Long.parseLong(k) / 1024 / 1024 + " GiB")
                .orElse("?");
        String release = Files.readString(options.app().resolve("lib/runtime/release"));
        String javaVersion = release.lines().filter(l -> l.startsWith("JAVA_VERSION=")).findFirst()
                .map(l -> l.replaceAll(".*=\"?|\"", "")).orElse("?");
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s RAM, %s %s; app image %s (runtime %s); Xvfb "
                        + "1366×768×24 (no GPU: JavaFX renders in software); data: %s",
                Runtime.getRuntime().availableProcessors(), cpu, mem, System.getProperty("os.name"),
                System.getProperty("os.version"), options.app(), javaVersion, options.dataDir());
    }

    /** Launch → first frame of the bare window on the app's runtime, with the app's JVM options. */
    private double bareWindow() throws Exception {
        Path trace = Files.createTempFile("outpost-bare", ".trace");
        List<String> cmd = new ArrayList<>();
        cmd.add(options.app().resolve("lib/runtime/bin/java").toString());
        cmd.addAll(appJavaOptions());
        bareCds().ifPresent(a -> cmd.add("-XX:SharedArchiveFile=" + a));
        cmd.add("-cp");
        cmd.add(options.benchClasses().toAbsolutePath().toString());
        cmd.add("org.outpost.bench.gui.BareWindow"); // by name: the driver itself has no JavaFX
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OUTPOST_TRACE", trace.toString());

        long start = nowMicros();
        Process p = pb.start();
        try {
            long shown = awaitEvent(trace, e -> e.equals("window-shown"), start, Duration.ofSeconds(60), p);
            return (shown - start) / 1000.0;
        } finally {
            stop(p);
            Files.deleteIfExists(trace);
        }
    }

    private Path bareCds;

    /**
     * The JDK's default CDS archive for the bare window. The app image ships none (its own AOT cache replaces it), and
     * a bare window without one would start slower than a plain JDK's: so the reference gets one, dumped once from the
     * runtime's own class list with the same options, as jlink's {@code --generate-cds-archive} would have made it.
     */
    private Optional<Path> bareCds() throws Exception {
        if (Files.exists(options.app().resolve("lib/runtime/lib/server/classes.jsa"))) {
            return Optional.empty();
        }
        if (bareCds == null) {
            Path archive = Files.createTempFile("outpost-bare", ".jsa");
            List<String> cmd = new ArrayList<>();
            cmd.add(options.app().resolve("lib/runtime/bin/java").toString());
            cmd.addAll(appJavaOptions());
            cmd.add("-Xshare:dump");
            cmd.add("-XX:SharedArchiveFile=" + archive);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("could not dump a CDS archive for the bare window");
            }
            archive.toFile().deleteOnExit();
            bareCds = archive;
        }
        return Optional.of(bareCds);
    }

    /** The {@code java-options} lines of the app image's launcher configuration. */
    private List<String> appJavaOptions() throws IOException {
        Path cfg = options.app().resolve("lib/app/Outpost.cfg");
        List<String> opts = new ArrayList<>();
        for (String line : Files.readAllLines(cfg)) {
            if (line.startsWith("java-options=")) {
                String o = line.substring("java-options=".length());
                if (!o.contains("$APPDIR") && !o.startsWith("-XX:AOT") && !o.startsWith("-XX:SharedArchiveFile")) {
                    opts.add(o); // the app's own cache is the app's: the bare window gets the runtime's defaults
                }
            }
        }
        return opts;
    }

    /** A running app under test. */
    private static final class App implements AutoCloseable {
        final GuiBench bench;
        final Process process;
        final Path trace;
        final double launchMs;
        double unlockMs;
        double lastChartShownMs;

        private App(GuiBench bench, Process process, Path trace, double launchMs) {
            this.bench = bench;
            this.process = process;
            this.trace = trace;
            this.launchMs = launchMs;
        }

        static App start(GuiBench bench) throws Exception {
            Path trace = Files.createTempFile("outpost-app", ".trace");
            ProcessBuilder pb = new ProcessBuilder(bench.options.app().resolve("bin/Outpost").toString(),
                    "--data-dir", bench.options.dataDir().toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("OUTPOST_TRACE", trace.toString());

            long start = nowMicros();
            Process p = pb.start();
            try {
                long shown = bench.awaitEvent(trace, e -> e.equals("window-shown"), start, Duration.ofSeconds(60), p);
                return new App(bench, p, trace, (shown - start) / 1000.0);
            } catch (Exception e) {
                stop(p);
                throw e;
            }
        }

        void signIn() throws Exception {
            bench.robot.mouseMove(683, 384);
            bench.pause(300);
            bench.type(bench.options.user(), HUMAN_KEY_MS);
            bench.key(KeyEvent.VK_TAB);
            bench.pause(HUMAN_KEY_MS);
            bench.type(bench.options.password(), HUMAN_KEY_MS);
            bench.pause(HUMAN_KEY_MS);
            long enter = nowMicros();
            bench.key(KeyEvent.VK_ENTER);
            long shown = bench.awaitEvent(trace, e -> e.equals("patients-shown"), enter, Duration.ofSeconds(120), process);
            unlockMs = (shown - enter) / 1000.0;
        }

        /** Goes to the search (Ctrl+F), replaces the query with {@code query} typed as a burst: last key → drawn. */
        double search(String query) throws Exception {
            bench.robot.keyPress(KeyEvent.VK_CONTROL);
            bench.key(KeyEvent.VK_F);
            bench.robot.keyRelease(KeyEvent.VK_CONTROL);
            bench.pause(300);
            bench.robot.keyPress(KeyEvent.VK_CONTROL);
            bench.key(KeyEvent.VK_A);
            bench.robot.keyRelease(KeyEvent.VK_CONTROL);
            bench.pause(100);
            bench.type(query.substring(0, query.length() - 1), BURST_KEY_MS);
            long last = nowMicros();
            bench.type(query.substring(query.length() - 1), 0);
            long drawn = bench.awaitEvent(trace, e -> e.equals("search-drawn"),
                    last, Duration.ofSeconds(30), process);
            return (drawn - last) / 1000.0;
        }

        /** Enter in the search field opens the selected (first) result: Enter → chart drawn. */
        double openFirstResult() throws Exception {
            bench.pause(200);
            long enter = nowMicros();
            bench.key(KeyEvent.VK_ENTER);
            long drawn = bench.awaitEvent(trace, e -> e.equals("chart-drawn"), enter, Duration.ofSeconds(60), process);
            long shown = bench.awaitEvent(trace, e -> e.equals("chart-shown"), enter, Duration.ofSeconds(5), process);
            lastChartShownMs = (shown - enter) / 1000.0;
            return (drawn - enter) / 1000.0;
        }

        /**
         * Where the app's resident memory is, from {@code /proc/<pid>/smaps}: the largest parts by mapping (anonymous
         * memory, i.e. Java heap, JVM and native allocations, under "[anonymous]"), in MB.
         */
        String rssParts() throws IOException {
            Map<String, Long> kb = new java.util.TreeMap<>();
            String name = null;
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/smaps"))) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 5 && f[0].contains("-") && f[1].length() == 4) {
                    name = f.length >= 6 ? Path.of(f[5]).getFileName().toString() : "[anonymous]";
                } else if (f[0].equals("Rss:") && name != null) {
                    kb.merge(name, Long.parseLong(f[1]), Long::sum);
                }
            }
            return kb.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .map(e -> String.format(Locale.ROOT, "%s %,d MB", e.getKey(), e.getValue() / 1024))
                    .collect(java.util.stream.Collectors.joining(", "));
        }

        /** Resident memory of the app's process and its descendants, in MB. */
        double rssMb() throws IOException {
            long kb = rssKb(process.pid());
            for (ProcessHandle h : process.descendants().toList()) {
                kb += rssKb(h.pid());
            }
            return kb / 1024.0;
        }

        private static long rssKb(long pid) throws IOException {
            Path status = Path.of("/proc/" + pid + "/status");
            if (!Files.exists(status)) {
                return 0;
            }
            return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", ""))).findFirst().orElse(0L);
        }

        @Override
        public void close() throws IOException {
            stop(process);
            Files.deleteIfExists(trace);
        }
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the first trace event after {@code since} that {@code which} accepts; its time in epoch µs. */
    private long awaitEvent(Path trace, Predicate<String> which, long since, Duration timeout, Process p)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> at = Files.readAllLines(trace).stream()
                    .map(l -> l.split(" ", 2))
                    .filter(f -> f.length == 2 && Long.parseLong(f[0]) >= since && which.test(f[1]))
                    .map(f -> Long.parseLong(f[0])).findFirst();
            if (at.isPresent()) {
                return at.get();
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the app stopped (exit " + p.exitValue() + ") before the trace showed "
                        + "what was waited for; trace: " + Files.readString(trace));
            }
            Thread.sleep(2);
        }
        Path shot = Files.createTempFile("outpost-gui-bench", ".png");
        javax.imageio.ImageIO.write(robot.createScreenCapture(new java.awt.Rectangle(0, 0, 1366, 768)), "png",
                shot.toFile());
        throw new IllegalStateException("timed out waiting for the app (screen: " + shot + "); trace so far: "
                + Files.readString(trace));
    }

    private void type(String s, long gapMs) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean shift = Character.isUpperCase(ch);
            int code = KeyEvent.getExtendedKeyCodeForChar(Character.toLowerCase(ch));
            if (code == KeyEvent.VK_UNDEFINED) {
                throw new IllegalArgumentException("cannot type " + ch);
            }
            if (shift) {
                robot.keyPress(KeyEvent.VK_SHIFT);
            }
            key(code);
            if (shift) {
                robot.keyRelease(KeyEvent.VK_SHIFT);
            }
            if (gapMs > 0 && i < s.length() - 1) {
                pause(gapMs);
            }
        }
    }

    private void key(int code) {
        robot.keyPress(code);
        robot.keyRelease(code);
    }

    private void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
