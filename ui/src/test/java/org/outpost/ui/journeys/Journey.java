package org.outpost.ui.journeys;

import static org.outpost.ui.testing.Desktop.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.ui.testing.Desktop;
import org.outpost.ui.testing.StoreFixture;
import org.testfx.api.FxRobot;

/** Shared steps of the journeys: a prepared database, sign-in, opening a chart by searching. */
final class Journey {
    private Journey() {
    }

    /**
     * Creates a database in {@code dir} with the fixture's admin, lets {@code prepare} add data, closes it,
     * and shows the window at the sign-in form. Runs on the FX thread inside {@code @Start}.
     */
    static Desktop prepared(Stage stage, Path dir, Duration idleLock, Consumer<StoreFixture> prepare) {
        return prepared(stage, dir, idleLock, Clock.systemDefaultZone(), prepare);
    }

    /** As above, with a given clock (a fixed one makes screenshots reproducible). */
    static Desktop prepared(Stage stage, Path dir, Duration idleLock, Clock clock, Consumer<StoreFixture> prepare) {
        return prepared(stage, dir, idleLock, clock, org.outpost.ui.shell.sync.SyncOptions.standard(), prepare);
    }

    /** As above, with how sync runs once someone signs in. */
    static Desktop prepared(Stage stage, Path dir, Duration idleLock, Clock clock,
                            org.outpost.ui.shell.sync.SyncOptions sync, Consumer<StoreFixture> prepare) {
        try (StoreFixture fixture = StoreFixture.create(dir, clock)) {
            prepare.accept(fixture);
        }
        return Desktop.show(stage, org.outpost.store.TestVaults.fast(dir, clock), clock, idleLock, sync);
    }

    static Patient okafor(StoreFixture f) {
        return f.register("Okafor", "Ngozi", Sex.FEMALE, LocalDate.of(1971, 9, 14), "penicillin");
    }

    /** Searches by name and opens the only match with Enter. */
    static void openChart(FxRobot robot, Desktop desktop, String query, String expectedName) {
        Desktop.shortcut(robot, KeyCode.F);
        robot.write(query, 0);
        await(() -> robot.lookup("#search-results").queryTableView().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        await(() -> desktop.shell().currentScreen().equals("chart")
                && robot.lookup("#chart-name").queryAs(Label.class).getText().equals(expectedName));
    }

    /**
     * Renders {@code scene} and writes it to {@code docs/<name>} at the repository root (surefire runs in the module
     * directory and sets {@code basedir}); returns the image and the file written.
     */
    static Screenshot writeScreenshot(javafx.scene.Scene scene, String name) throws java.io.IOException {
        javafx.scene.image.WritableImage image = Desktop.onFx(() -> scene.snapshot(null));
        // copied pixel by pixel (as the smoke journey does) so nothing needs javafx.swing, which is not shipped
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage png = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        javafx.scene.image.PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Path target = Path.of(System.getProperty("basedir", "")).toAbsolutePath().getParent().resolve("docs")
                .resolve(name);
        java.nio.file.Files.createDirectories(target.getParent());
        javax.imageio.ImageIO.write(png, "png", target.toFile());
        return new Screenshot(png, target);
    }

    /** A screenshot written under docs/. */
    record Screenshot(java.awt.image.BufferedImage image, Path file) { }
}
