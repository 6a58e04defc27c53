package org.outpost.ui.journeys;

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
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 17's harness (not part of the suite: run with {@code -Doutpost.uiperf=true}): types a query key by key and
 * opens charts on the real scene, printing the FX thread's work per step.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "outpost.uiperf", matches = "true")
class UiPerfProbeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Desktop desktop;
    Stage stage;
    final List<Patient> patients = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        desktop = Journey.prepared(stage, dir, Duration.ofMinutes(30), CLOCK, f -> {
            for (int i = 0; i < 220; i++) {
                String family = "Bal" + (char) ('a' + i % 26) + (char) ('a' + (i / 26) % 26) + "son";
                Patient p = f.register(family, "Given" + i, i % 2 == 0 ? Sex.FEMALE : Sex.MALE,
                        LocalDate.of(1940 + i % 60, 1 + i % 12, 1 + i % 28), i % 3 == 0 ? "penicillin" : "");
                if (i < 12) {
                    for (int v = 0; v < 12; v++) {
                        Map<Measure, Quantity> values = new LinkedHashMap<>();
                        values.put(Measure.SYSTOLIC_BP, Quantity.of(120 + v * 3, Unit.MM_HG));
                        values.put(Measure.DIASTOLIC_BP, Quantity.of(70 + v, Unit.MM_HG));
                        values.put(Measure.GLUCOSE, Quantity.of(90 + v * 5, Unit.MG_PER_DL));
                        values.put(Measure.CREATININE, Quantity.of(0.8 + v * 0.05, Unit.MG_PER_DL));
                        f.record(p, CLOCK.instant().minus(Duration.ofDays(30L * (12 - v))), values);
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
    void measure(FxRobot robot) {
        desktop.signIn(robot, StoreFixture.ADMIN, StoreFixture.PASSWORD);
        UiPerfProbe probe = new UiPerfProbe(stage.getScene());
        List<UiPerfProbe.Step> steps = new ArrayList<>();
        jdk.jfr.Recording jfr = new jdk.jfr.Recording();
        jfr.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
        for (int round = 0; round < 3; round++) {
            if (round == 1) {
                jfr.start();
            }
            robot.interact(() -> desktop.shell().showSearch());
            TextField field = robot.lookup("#search-field").queryAs(TextField.class);
            @SuppressWarnings("unchecked")
            TableView<Object> results = robot.lookup("#search-results").queryAs(TableView.class);
            robot.interact(field::clear);
            java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
            robot.interact(() -> results.getItems().addListener(
                    (javafx.collections.ListChangeListener<Object>) ch -> changes.incrementAndGet()));
            String query = "balc";
            for (int k = 1; k <= query.length(); k++) {
                String typed = query.substring(0, k);
                int before = changes.get();
                steps.add(probe.step("key '" + typed + "'", () -> field.appendText(typed.substring(typed.length() - 1)),
                        () -> changes.get() > before, 250));
            }
            for (int c = 0; c < 4; c++) {
                Patient p = patients.get(round * 4 + c);
                String name = p.familyName() + ", " + p.givenName();
                steps.add(probe.step("open chart " + (round * 4 + c), () -> desktop.shell().openChart(p.id()),
                        () -> desktop.shell().currentChart().map(v -> v.model().chartProperty().get() != null
                                && name.equals(v.model().nameProperty().get())).orElse(false), 250));
                steps.add(probe.step("  results tab", () -> desktop.shell().currentChart().orElseThrow()
                        .showObservations(), () -> robot.lookup("#chart-trend").tryQuery()
                        .map(Desktop::shown).orElse(false), 250));
            }
        }
        jfr.stop();
        try {
            Path out = Path.of(System.getProperty("outpost.uiperf.jfr", "/tmp/uiperf.jfr"));
            jfr.dump(out);
            jfr.close();
            List<UiPerfProbe.Step> measured = steps.subList(12, steps.size()); // rounds 2 and 3 (12 steps a round)
            JfrTop.print(out, "JavaFX Application Thread",
                    measured.stream().filter(s -> s.name().startsWith("key")).toList(), "keystrokes");
            JfrTop.print(out, "JavaFX Application Thread",
                    measured.stream().filter(s -> s.name().startsWith("open")).toList(), "chart opens");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        robot.interact(() -> desktop.shell().showSearch());
        steps.add(probe.step("idle search screen", () -> { }, () -> true, 250));
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        steps.forEach(s -> System.out.println("UIPERF " + s));
        System.out.printf("UIPERF heap used after GC: %.1f MB%n", (rt.totalMemory() - rt.freeMemory()) / 1e6);
    }
}
