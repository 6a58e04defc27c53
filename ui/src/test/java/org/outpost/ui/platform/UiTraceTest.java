package org.outpost.ui.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The GUI bench's trace: off unless asked for, one line per event, "drawn" only after a pulse has shown it. */
@ExtendWith(ApplicationExtension.class)
class UiTraceTest {
    @TempDir
    Path tmp;

    private Scene scene;
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label("before");
        scene = new Scene(new StackPane(label), 300, 200);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void offUnlessTheEnvironmentNamesAFile() throws Exception {
        assertThat(UiTrace.fromEnvironment(Map.of()).enabled()).isFalse();
        assertThat(UiTrace.fromEnvironment(Map.of(UiTrace.VARIABLE, " ")).enabled()).isFalse();
        Path file = tmp.resolve("trace");
        UiTrace trace = UiTrace.fromEnvironment(Map.of(UiTrace.VARIABLE, file.toString()));
        assertThat(trace.enabled()).isTrue();
        UiTrace.off().mark("nothing");
        trace.mark("unlocked");
        assertThat(Files.readAllLines(file)).singleElement().asString().matches("\\d{16} unlocked");
        // a file that cannot be written: tracing is off, the app goes on
        assertThat(UiTrace.fromEnvironment(Map.of(UiTrace.VARIABLE, tmp.resolve("no/such/dir/trace").toString()))
                .enabled()).isFalse();
    }

    @Test
    void eventsCarryEpochMicroseconds() throws Exception {
        Path file = tmp.resolve("trace");
        UiTrace trace = UiTrace.to(file, Clock.fixed(Instant.parse("2026-12-07T10:00:00.123456Z"), ZoneOffset.UTC));
        trace.mark("window-shown");
        assertThat(Files.readAllLines(file)).containsExactly("1796637600123456 window-shown");
    }

    @Test
    void drawnIsRecordedAfterTheChangeWasLaidOutNotWhenAsked() throws Exception {
        Path file = tmp.resolve("trace");
        UiTrace trace = UiTrace.to(file, Clock.systemUTC());
        SimpleBooleanProperty busy = new SimpleBooleanProperty(true);
        WaitForAsyncUtils.asyncFx(() -> trace.markDrawnWhenDone(busy, () -> scene, "chart-drawn"))
                .get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readAllLines(file)).as("nothing while the work runs").isEmpty();

        WaitForAsyncUtils.asyncFx(() -> {
            label.setText("after");
            busy.set(false);
            assertThat(lines(file)).as("not inside the change itself").isEmpty();
        }).get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lines(file).isEmpty() && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(lines(file)).singleElement().asString().endsWith(" chart-drawn");
        WaitForAsyncUtils.asyncFx(() -> busy.set(true)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> busy.set(false)).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lines(file)).as("once: the listener is gone after the first time").hasSize(1);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
