package org.outpost.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowPlacementTest {
    /** A 1366×768 laptop with a 40 px task bar at the bottom. */
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    /** A 1920×1080 monitor to the laptop's right. */
    static final Rectangle2D RIGHT = new Rectangle2D(1366, 0, 1920, 1080);

    @TempDir
    Path dir;

    @Test
    void firstStartFitsASmallScreenAndIsCentred() {
        WindowPlacement p = WindowPlacement.choose(Optional.empty(), List.of(LAPTOP), LAPTOP);
        assertThat(p).isEqualTo(new WindowPlacement(43, 0, 1280, 728, false));
        WindowPlacement hd = WindowPlacement.centredOn(new Rectangle2D(0, 0, 1280, 690));
        assertThat(hd).isEqualTo(new WindowPlacement(0, 0, 1280, 690, false));
        assertThat(WindowPlacement.minHeightOn(new Rectangle2D(0, 0, 1024, 600))).isEqualTo(600);
        assertThat(WindowPlacement.minHeightOn(LAPTOP)).isEqualTo(WindowPlacement.MIN_HEIGHT);
    }

    @Test
    void savedPlacementOnAConnectedScreenIsRestored() {
        WindowPlacement saved = new WindowPlacement(1500, 100, 1400, 900, true);
        assertThat(WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP, RIGHT), LAPTOP)).isEqualTo(saved);
    }

    @Test
    void savedPlacementOnADisconnectedScreenIsNotRestored() {
        WindowPlacement saved = new WindowPlacement(1500, 100, 1400, 900, false);
        assertThat(WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP), LAPTOP))
                .isEqualTo(WindowPlacement.centredOn(LAPTOP));
    }

    @Test
    void savedPlacementTallerThanTheScreenIsShrunkAndMovedIn() {
        // saved on a 1080-line screen, the laptop alone connected now: the bottom must not be cut off
        WindowPlacement saved = new WindowPlacement(100, 50, 1400, 1000, false);
        WindowPlacement p = WindowPlacement.choose(Optional.of(saved), List.of(LAPTOP), LAPTOP);
        assertThat(p).isEqualTo(new WindowPlacement(0, 0, 1366, 728, false));
    }

    @Test
    void savesAndLoadsAndIgnoresADamagedFile() throws Exception {
        Path file = dir.resolve("window.properties");
        assertThat(WindowPlacement.load(file)).isEmpty();
        WindowPlacement p = new WindowPlacement(12.5, 30, 1100, 700, true);
        p.save(file);
        assertThat(WindowPlacement.load(file)).contains(p);
        Files.writeString(file, "x=1\ny=oops\nwidth=3\nheight=4\n");
        assertThat(WindowPlacement.load(file)).isEmpty();
        Files.writeString(file, "x=1\ny=2\nwidth=-3\nheight=4\n");
        assertThat(WindowPlacement.load(file)).isEmpty();
    }
}
