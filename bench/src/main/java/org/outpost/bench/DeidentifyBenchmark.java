package org.outpost.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.demo.DemoDataGenerator;
import org.outpost.app.demo.DemoPatient;
import org.outpost.app.domain.Chart;
import org.outpost.sync.deid.DeidentifiedSummary;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.PseudonymKey;
import org.outpost.sync.fhir.FhirSummaryBuilder;

/**
 * Per-summary de-identification (issue 12), on demo charts already in memory, cycling through
 * {@value #CHARTS} demo patients (years of vitals and labs, medications, a genotype panel: about 60 resources a
 * summary):
 * <ul>
 *   <li>{@code summarise}: {@link Deidentifier#summarise} — Safe Harbor, medicines and CPIC tables, pseudonym
 *       and resource keys (HMAC);</li>
 *   <li>{@code summariseAndBuild}: the same and {@link FhirSummaryBuilder#build}, the FHIR transaction Bundle;</li>
 *   <li>{@code summariseBuildAndJson}: the same and the JSON kept as "what was sent" — everything sync does for a
 *       summary before the HTTP client encodes it again for the wire;</li>
 *   <li>{@code compactJson}: for comparison, the same Bundle as the HTTP client writes it (not pretty-printed).</li>
 * </ul>
 *
 * <pre>
 *   ./mvnw -q -B -pl bench -am package -DskipTests
 *   $JAVA_HOME/bin/java -cp bench/target/benchmarks.jar org.openjdk.jmh.Main DeidentifyBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
public class DeidentifyBenchmark {
    static final int CHARTS = 64;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** Whether the patients' genotypes may leave (site and patient both agreed). */
    @Param({"false", "true"})
    public boolean genotypes;

    private final List<Chart> charts = new ArrayList<>();
    private Deidentifier deid;
    private FhirSummaryBuilder builder;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY, ZoneOffset.UTC,
                "bench");
        for (int n = 1; n <= CHARTS; n++) {
            DemoPatient p = generator.patient(n);
            charts.add(new Chart(p.patient(), p.observations(), p.medications(), p.genotypes(), p.encounters()));
        }
        deid = Deidentifier.withBundledTables(PseudonymKey.random(), BundledModels.registry(), ZoneOffset.UTC);
        builder = new FhirSummaryBuilder();
    }

    private Chart nextChart() {
        Chart c = charts.get(next);
        next = (next + 1) % CHARTS;
        return c;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public DeidentifiedSummary summarise() {
        return deid.summarise(nextChart(), List.of(), genotypes, TODAY);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Bundle summariseAndBuild() {
        return builder.build(deid.summarise(nextChart(), List.of(), genotypes, TODAY));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String summariseBuildAndJson() {
        return builder.toJson(builder.build(deid.summarise(nextChart(), List.of(), genotypes, TODAY)));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String compactJson() {
        return org.outpost.sync.fhir.FhirR4.context().newJsonParser().setPrettyPrint(false).encodeResourceToString(
                builder.build(deid.summarise(nextChart(), List.of(), genotypes, TODAY)));
    }
}
