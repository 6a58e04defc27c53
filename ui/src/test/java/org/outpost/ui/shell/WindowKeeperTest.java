package org.outpost.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window opens where it was left (on a screen still there) and is written back when it closes. */
@ExtendWith(ApplicationExtension.class)
class WindowKeeperTest {
    @TempDir
    Path dir;

    @Test
    void opensWithinTheScreenAndRemembersWhereItWasLeft(FxRobot robot) throws Exception {
        Path file = dir.resolve("window.properties");
        Rectangle2D screen = WaitForAsyncUtils.asyncFx(() -> Screen.getPrimary().getVisualBounds()).get();

        Stage first = WaitForAsyncUtils.asyncFx(() -> open(file)).get();
        assertThat(first.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        assertThat(first.getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(first.getY()).isGreaterThanOrEqualTo(screen.getMinY());
        assertThat(first.getY() + first.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
        robot.interact(() -> {
            first.setX(screen.getMinX() + 10);
            first.setY(screen.getMinY() + 20);
            first.setWidth(1030);
            first.setHeight(650);
        });
        robot.interact(first::hide);
        assertThat(WindowPlacement.load(file))
                .contains(new WindowPlacement(screen.getMinX() + 10, screen.getMinY() + 20, 1030, 650, false));

        Stage second = WaitForAsyncUtils.asyncFx(() -> open(file)).get();
        assertThat(new double[] {second.getX(), second.getY(), second.getWidth(), second.getHeight()})
                .containsExactly(screen.getMinX() + 10, screen.getMinY() + 20, 1030, 650);
        robot.interact(second::hide);
    }

    private static Stage open(Path file) {
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        WindowKeeper.keep(stage, file);
        stage.show();
        return stage;
    }
}
