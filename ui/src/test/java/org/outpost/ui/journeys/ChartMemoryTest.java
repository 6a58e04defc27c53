package org.outpost.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.testing.Desktop.await;
import static org.outpost.ui.testing.Desktop.onFx;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.ui.chart.ChartView;
import org.outpost.ui.chart.ChartViewModel;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 17 item 3: a working hour is a few hundred charts opened in a row. What a chart keeps alive once the next one
 * is on show must be collectable (its view and view model), and the heap after a full GC must not grow between the
 * 50th and the 200th chart.
 */
@ExtendWith(ApplicationExtension.class)
class ChartMemoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
    private static final int CHARTS = 200;
    /** What a full GC may differ by between two measurements, with nothing kept (a leaked chart is far heavier). */
    private static final long MARGIN_BYTES = 24L * 1024 * 1024;

    @TempDir
    Path dir;
    Desktop desktop;
    final List<Patient> patients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(30), CLOCK, f -> {
            for (int i = 0; i < CHARTS; i++) {
                Patient p = f.register("Memory" + (char) ('a' + i % 26) + (char) ('a' + i / 26), "Given" + i,
                        i % 2 == 0 ? Sex.FEMALE : Sex.MALE, LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28),
                        i % 3 == 0 ? "penicillin" : "");
                if (i % 10 == 0) { // some charts with results, so the trend and the results table have work to do
                    for (int v = 0; v < 6; v++) {
                        Map<Measure, Quantity> values = new LinkedHashMap<>();
                        values.put(Measure.SYSTOLIC_BP, Quantity.of(120 + v * 3, Unit.MM_HG));
                        values.put(Measure.DIASTOLIC_BP, Quantity.of(70 + v, Unit.MM_HG));
                        values.put(Measure.GLUCOSE, Quantity.of(90 + v * 5, Unit.MG_PER_DL));
                        f.record(p, CLOCK.instant().minus(Duration.ofDays(30L * (6 - v))), values);
                    }
                }
                patients.add(p);
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        desktop.close();
    }

    @Test
    void chartsOpenedInARowAreLetGoAndTheHeapDoesNotGrow(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        List<WeakReference<ChartView>> views = new ArrayList<>();
        List<WeakReference<ChartViewModel>> models = new ArrayList<>();
        long after50 = 0;
        for (int i = 0; i < CHARTS; i++) {
            Patient p = patients.get(i);
            String name = p.familyName() + ", " + p.givenName();
            robot.interact(() -> desktop.shell().openChart(p.id()));
            await(() -> desktop.shell().currentChart().map(v -> name.equals(v.model().nameProperty().get()))
                    .orElse(false));
            if (i % 10 == 0) { // the results tab too, now and then, as a clinician would
                robot.interact(() -> desktop.shell().currentChart().orElseThrow().showObservations());
            }
            ChartView view = onFx(() -> desktop.shell().currentChart().orElseThrow());
            views.add(new WeakReference<>(view));
            models.add(new WeakReference<>(view.model()));
            if (i == 49) {
                after50 = usedAfterGc();
            }
        }
        long after200 = usedAfterGc();
        robot.interact(() -> desktop.shell().showSearch());

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (alive(views) + alive(models) > 0 && System.nanoTime() < deadline) {
            System.gc();
            robot.sleep(50);
        }
        assertThat(alive(views)).as("closed chart views still reachable").isZero();
        assertThat(alive(models)).as("closed chart view models still reachable").isZero();
        System.out.printf("ChartMemoryTest: used heap after GC: %.1f MB after 50 charts, %.1f MB after %d%n",
                after50 / 1e6, after200 / 1e6, CHARTS);
        assertThat(after200 - after50).as("heap growth from chart 50 to chart %d (bytes)", CHARTS)
                .isLessThan(MARGIN_BYTES);
    }

    private static <T> long alive(List<WeakReference<T>> refs) {
        return refs.stream().filter(r -> r.get() != null).count();
    }

    /** Used heap after the pending FX work is done and a few full collections. */
    private static long usedAfterGc() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
