package org.outpost.ui.chart.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.monitoring.MonitoringDetectors;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;
import org.outpost.app.usecase.MonitoringService;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.ErrorReporter;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15 item 4, a bench rather than a test (no timing is asserted): a year of per-minute heart rate (525,600
 * readings) stored through the real encrypted store, the monitoring tab on a 1180 px wide scene under monocle, and
 * the time from "data loaded" (the window's readings and assessment arrive on the FX thread) to "chart painted"
 * (the view model has reduced the year to the chart's width, the canvas has drawn it and a snapshot of the canvas
 * has rendered it to pixels), for the year window. Prints the median of several runs, and for comparison a JavaFX
 * LineChart given the same down-sampled points. Run it with {@code ./outpost bench monitoring-paint} (it is skipped
 * unless {@code -Doutpost.bench=true}).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "outpost.bench", matches = "true")
class MonitoringPaintBench {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final int RUNS = 11;

    @TempDir
    static Path dir;
    StoreFixture store;
    Stage stage;
    final ExecutorService worker = Executors.newSingleThreadExecutor();
    /** When the last window's answer reached the FX thread, in nanoseconds. */
    volatile long arrived;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        if (store != null) {
            store.close();
        }
    }

    /** Runs work on a worker thread and notes when its answer reaches the FX thread, before handing it over. */
    private final class TimedRunner implements TaskRunner {
        private final ErrorReporter reporter = e -> new ErrorNotice("E-bench", "bench");

        @Override
        public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                            Consumer<? super Throwable> onFailure) {
            worker.submit(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> {
                        arrived = System.nanoTime();
                        onSuccess.accept(result);
                    });
                } catch (Exception e) {
                    Platform.runLater(() -> onFailure.accept(e));
                }
            });
        }

        @Override
        public ErrorReporter reporter() {
            return reporter;
        }
    }

    @Test
    void aYearOfPerMinuteHeartRatePaints() throws Exception {
        store = StoreFixture.create(dir, CLOCK);
        Patient p = store.register("Bench", "Year", Sex.FEMALE, LocalDate.of(1970, 1, 1), "");
        List<Reading> year = new ArrayList<>(525_600);
        Instant first = CLOCK.instant().minus(Duration.ofDays(365));
        for (int i = 0; i < 525_600; i++) {
            Instant t = first.plusSeconds(60L * i);
            double hour = (i % 1440) / 60.0;
            year.add(new Reading(t, Math.round(66 + 10 * Math.sin((hour - 9) / 24 * 2 * Math.PI) + (i * 7919 % 13) - 6)));
        }
        MonitoringService service = new MonitoringService(store.store(), CLOCK, store.session(), MonitoringDetectors::forMeasure);
        long importStart = System.nanoTime();
        service.importReadings(p.id(), Map.of(Measure.HEART_RATE, year), "bench");
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        double bytes = service.series(p.id()).getFirst().bytesPerReading();

        MonitoringViewModel model = new MonitoringViewModel(service, p.id(), true, new TimedRunner(),
                new UiText(Locale.ENGLISH), CLOCK);
        MonitoringView view = Desktop.onFx(() -> {
            MonitoringView v = new MonitoringView(model, new UiText(Locale.ENGLISH), CLOCK.getZone());
            stage.setScene(new Scene((javafx.scene.Parent) v.root(), 1180, 700));
            stage.show();
            return v;
        });
        SeriesCanvas chart = view.chart();
        Platform.runLater(model::refresh);
        Desktop.await(() -> model.plotProperty().get() != null);
        Platform.runLater(() -> model.show(MonitoringViewModel.Span.YEAR));
        Desktop.await(() -> model.loadedReadings() == 525_600 && !model.loadingProperty().get());

        // one image for every snapshot, so the render is timed and not the allocation of its pixels
        javafx.scene.image.WritableImage[] image = {Desktop.onFx(() -> new javafx.scene.image.WritableImage(
                (int) chart.canvas().getWidth(), (int) chart.canvas().getHeight()))};
        double[] paint = new double[RUNS];
        double[] load = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long asked = System.nanoTime();
            long[] painted = new long[1];
            // the plot is set on the FX thread inside the answer's callback; paint to pixels right after it
            javafx.beans.value.ChangeListener<Plot> onPlot = (o, a, b) -> {
                chart.canvas().snapshot(null, image[0]);
                painted[0] = System.nanoTime();
            };
            Desktop.onFx(() -> {
                model.plotProperty().addListener(onPlot);
                model.latest();
                return null;
            });
            Desktop.await(() -> painted[0] != 0);
            Desktop.onFx(() -> {
                model.plotProperty().removeListener(onPlot);
                return null;
            });
            paint[run] = (painted[0] - arrived) / 1e6;
            load[run] = (arrived - asked) / 1e6;
        }
        Plot plot = model.plotProperty().get();
        assertThat(model.loadedReadings()).isEqualTo(525_600);
        assertThat(plot.path().size()).isLessThanOrEqualTo(2 * plot.columns());

        // the parts, each alone: reducing the year to the width, drawing on the canvas, rendering it to pixels
        double[] reduce = new double[RUNS];
        double[] draw = new double[RUNS];
        double[] render = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            int r = run;
            Desktop.onFx(() -> {
                int width = model.columnsProperty().get();
                long t0 = System.nanoTime();
                model.columnsProperty().set(width - 1 + r % 2 * 2); // a different width: the plot is made again
                long t1 = System.nanoTime();
                chart.paint();
                long t2 = System.nanoTime();
                chart.canvas().snapshot(null, image[0]);
                long t3 = System.nanoTime();
                model.columnsProperty().set(width);
                reduce[r] = (t1 - t0) / 1e6;
                draw[r] = (t2 - t1) / 1e6;
                render[r] = (t3 - t2) / 1e6;
                return null;
            });
        }

        // the fixed cost of rendering the canvas to pixels: an empty chart of the same size
        double[] empty = new double[RUNS];
        for (int run = 0; run < RUNS; run++) {
            int r = run;
            Desktop.onFx(() -> {
                chart.show(null);
                long t0 = System.nanoTime();
                chart.canvas().snapshot(null, image[0]);
                empty[r] = (System.nanoTime() - t0) / 1e6;
                chart.show(model.plotProperty().get());
                return null;
            });
        }

        // for comparison: a LineChart with the same down-sampled points
        double[] lineChart = new double[3];
        for (int run = 0; run < lineChart.length; run++) {
            lineChart[run] = Desktop.onFx(() -> {
                long t0 = System.nanoTime();
                XYChart.Series<Number, Number> series = new XYChart.Series<>();
                for (int i = 0; i < plot.path().size(); i++) {
                    if (!Double.isNaN(plot.path().values()[i])) {
                        series.getData().add(new XYChart.Data<>(plot.path().times()[i], plot.path().values()[i]));
                    }
                }
                LineChart<Number, Number> c = new LineChart<>(new NumberAxis(), new NumberAxis());
                c.setAnimated(false);
                c.setCreateSymbols(false);
                c.getData().add(series);
                Scene s = new Scene(c, chart.getWidth(), chart.getHeight());
                c.snapshot(null, null);
                assertThat(s.getRoot()).isSameAs(c);
                return (System.nanoTime() - t0) / 1e6;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        System.out.printf(Locale.ROOT, "MonitoringPaintBench: 525,600 readings, import %.1f s, %.2f bytes/reading;"
                        + " year window: load (store read + assess, off the FX thread) median %.0f ms;"
                        + " data loaded -> chart painted (down-sample to %d px + canvas draw + render) median %.1f ms"
                        + " (runs %s); %d points drawn; alone: reduce %.1f ms, draw %.1f ms, render %.1f ms (medians; an empty canvas renders in %.1f ms);"
                        + " LineChart with the same points median %.1f ms (runs %s)%n",
                importSeconds, bytes, median(load), plot.columns(), median(paint), Arrays.toString(round(paint)),
                plot.path().size(), median(reduce), median(draw), median(render), median(empty), median(lineChart),
                Arrays.toString(round(lineChart)));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 10) / 10.0).toArray();
    }
}
