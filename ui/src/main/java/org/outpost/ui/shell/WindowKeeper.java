package org.outpost.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the main window where {@link WindowPlacement} says and writes its size, position and maximised state back
 * to the placement file when it closes. While maximised (or minimised) the size it had before is what is kept.
 */
public final class WindowKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(WindowKeeper.class);

    private WindowKeeper() {
    }

    /** Places {@code stage} (before it is shown) and saves its placement to {@code file} when it is hidden. */
    public static void keep(Stage stage, Path file) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        WindowPlacement p = WindowPlacement.choose(WindowPlacement.load(file), screens, primary);
        stage.setMinWidth(WindowPlacement.minWidthOn(primary));
        stage.setMinHeight(WindowPlacement.minHeightOn(primary));
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        stage.setMaximized(p.maximized());
        WindowPlacement[] normal = {p};
        Runnable remember = () -> {
            if (!stage.isMaximized() && !stage.isIconified() && stage.getWidth() > 0 && stage.getHeight() > 0) {
                normal[0] = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                        false);
            }
        };
        stage.xProperty().addListener((o, a, b) -> remember.run());
        stage.yProperty().addListener((o, a, b) -> remember.run());
        stage.widthProperty().addListener((o, a, b) -> remember.run());
        stage.heightProperty().addListener((o, a, b) -> remember.run());
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> {
            WindowPlacement n = normal[0];
            try {
                new WindowPlacement(n.x(), n.y(), n.width(), n.height(), stage.isMaximized()).save(file);
            } catch (IOException | RuntimeException ex) {
                LOG.warn("Could not save the window's size and position: {}", ex.toString());
            }
        });
    }
}
