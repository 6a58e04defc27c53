package org.outpost.ui.chart.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/**
 * Issue 15: importing a file into the chart from the desktop — the real Dexcom export lands whole; a malformed file,
 * a refused reading and a cancel each store nothing and say why — on a real store, without a stage.
 */
class MonitoringImportViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Path SHARED = Files.exists(Path.of("../shared/data/timeseries"))
            ? Path.of("../shared/data/timeseries") : Path.of("../../shared/data/timeseries");

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    MonitoringService service;
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> new ErrorNotice("E-1", "test"));
    final AtomicInteger progressUpdates = new AtomicInteger();
    final AtomicInteger imported = new AtomicInteger();
    Runnable onProgress = () -> { };
    MonitoringImportViewModel model;

    @BeforeEach
    void open() {
        store = StoreFixture.create(dir.resolve("db"), CLOCK);
        patient = store.register("Mensah", "Abena", Sex.FEMALE, LocalDate.of(1961, 4, 9), "");
        service = new MonitoringService(store.store(), CLOCK, store.session(), MonitoringDetectors::forMeasure);
        Executor fx = r -> {
            progressUpdates.incrementAndGet();
            r.run();
            onProgress.run();
        };
        model = new MonitoringImportViewModel(service, tasks, fx, ZoneOffset.UTC, new UiText(Locale.ENGLISH));
        model.setOnImported(imported::incrementAndGet);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theRealDexcomExportIsImportedWithItsCounts() {
        model.start(patient.id(), SHARED.resolve("dexcom_g6_cgmquantify_test_file.csv"), Optional.empty());
        assertThat(model.failedProperty().get()).as(model.statusProperty().get()).isFalse();
        assertThat(model.importingProperty().get()).isFalse();
        long stored = service.series(patient.id()).getFirst().readings();
        assertThat(stored).isGreaterThan(2_000);
        assertThat(model.statusProperty().get()).startsWith("Imported " + String.format(Locale.ENGLISH, "%,d", stored)
                + " new readings (0 already in the record)");
        assertThat(imported).hasValue(1);
        assertThat(progressUpdates.get()).isGreaterThan(1);

        model.start(patient.id(), SHARED.resolve("dexcom_g6_cgmquantify_test_file.csv"), Optional.empty());
        assertThat(model.statusProperty().get()).startsWith("Imported 0 new readings (" + String.format(Locale.ENGLISH,
                "%,d", stored) + " already in the record)");
    }

    @Test
    void aMalformedFileNamesTheLineAndStoresNothing() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "timestamp,measure,value,unit\n2026-02-01T08:00:00Z,weight,81.2,kg\n"
                + "2026-02-02T08:00:00Z,weight,81.4,stone\n");
        model.start(patient.id(), bad, Optional.empty());
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("3").contains("stone").endsWith("nothing was imported");
        assertThat(service.series(patient.id())).isEmpty();
        assertThat(imported).hasValue(0);
    }

    @Test
    void aReadingTheServiceRefusesStoresNothing() throws IOException {
        // parses (a plausible weight) but is timed after today: the whole file is refused
        Path future = dir.resolve("future.csv");
        Files.writeString(future, "timestamp,measure,value,unit\n2026-02-01T08:00:00Z,weight,81.2,kg\n"
                + "2026-04-01T08:00:00Z,weight,81.4,kg\n");
        model.start(patient.id(), future, Optional.empty());
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).contains("in the future").endsWith("nothing was imported");
        assertThat(service.series(patient.id())).isEmpty();
    }

    @Test
    void cancelStopsTheReadAndStoresNothing() {
        onProgress = model::cancel; // the user presses Cancel as soon as the bar moves
        model.start(patient.id(), SHARED.resolve("fitbit_hr_2022484408.csv"), Optional.empty());
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).isEqualTo("Import cancelled; nothing was imported");
        assertThat(service.series(patient.id())).isEmpty();
        assertThat(model.importingProperty().get()).isFalse();
    }
}
