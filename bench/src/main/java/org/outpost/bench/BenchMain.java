package org.outpost.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the store benchmark: builds the data set unless it is cached, runs {@link StoreBenchmark} with
 * JMH and prints a report (percentiles per operation and database, encrypted-to-plain ratios), also
 * written to {@code <data dir>/report-<time>.md}.
 *
 * <p>Arguments are JMH's own ({@code -p db=aes-64m,plain-64m}, {@code -f 2}, {@code -i 5}, a benchmark
 * regexp, ...) and override the defaults here: 1 fork, 2 warm-up iterations of 2 s, 3 measured
 * iterations of 3 s, {@code -Xms1g -Xmx1g}. {@code --generate-only} builds the data set and stops.
 * System properties: {@code outpost.bench.dir} (default: {@code bench-data} beside the jar),
 * {@code outpost.bench.patients} (100000), {@code outpost.bench.observations} (per patient, 10).
 */
public final class BenchMain {
    static final String DIR = "outpost.bench.dir";
    static final String PATIENTS = "outpost.bench.patients";
    static final String OBSERVATIONS = "outpost.bench.observations";

    private BenchMain() {
    }

    /** Entry point of {@code benchmarks.jar}. */
    public static void main(String[] args) throws Exception {
        List<String> jmhArgs = new ArrayList<>(List.of(args));
        boolean generateOnly = jmhArgs.remove("--generate-only");
        BenchData data = benchData();
        data.ensure(System.out);
        Properties info = data.info();
        System.out.printf("Data set: %s patients, %s observations; encrypted file %,d MiB, generated in %s s "
                        + "(+ %s s compaction, + %s s for the plain copy)%n", info.getProperty("patients"),
                info.getProperty("observations"), Long.parseLong(info.getProperty("encryptedBytes")) >> 20,
                info.getProperty("encryptedSeconds"), info.getProperty("compactSeconds"),
                info.getProperty("plainCopySeconds"));
        if (generateOnly) {
            return;
        }

        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli);
        if (cli.getIncludes().isEmpty()) {
            options.include(StoreBenchmark.class.getName());
        }
        if (!cli.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(2);
        }
        if (!cli.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(2));
        }
        if (!cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(3);
        }
        if (!cli.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(3));
        }
        List<String> forkArgs = new ArrayList<>(List.of("-Xms1g", "-Xmx1g",
                "-D" + DIR + "=" + root(), "-D" + PATIENTS + "=" + data.dataset().patients(),
                "-D" + OBSERVATIONS + "=" + data.dataset().observationsPerPatient()));
        if (cli.getJvmArgsAppend().hasValue()) {
            forkArgs.addAll(cli.getJvmArgsAppend().get());
        }
        options.jvmArgsAppend(forkArgs.toArray(String[]::new));

        Instant start = Instant.now();
        Collection<RunResult> results = new Runner(options.build()).run();
        String report = Report.markdown(results, info, start, Instant.now(), String.join(" ", args));
        System.out.println();
        System.out.println(report);
        Path file = root().resolve("report-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(start) + ".md");
        Files.writeString(file, report);
        System.out.println("Report written to " + file);
    }

    /** The data set and its cache directory, from the system properties. */
    static BenchData benchData() throws IOException {
        Dataset budget = Dataset.budget();
        Dataset dataset = new Dataset(Integer.getInteger(PATIENTS, budget.patients()),
                Integer.getInteger(OBSERVATIONS, budget.observationsPerPatient()), budget.seed());
        return new BenchData(root(), dataset);
    }

    private static Path root() throws IOException {
        String configured = System.getProperty(DIR);
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path code = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("bench-data").toAbsolutePath();
        } catch (URISyntaxException | SecurityException e) {
            throw new IOException("Set -D" + DIR + " to a directory for the benchmark data", e);
        }
    }
}
