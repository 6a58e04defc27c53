package org.outpost.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javafx.geometry.Rectangle2D;

/**
 * Where the main window opens and how large: the size and position the user left it at (and whether it was
 * maximised) when that is still on a connected screen, else a size that fits the primary screen's visual bounds
 * (the screen less its task bar), centred. Kept in a small properties file in the user's data directory; it holds
 * no patient or account data, only four numbers and a flag.
 *
 * @param x         left edge, in screen coordinates
 * @param y         top edge
 * @param width     window width (decorations included, as {@code Stage} counts it)
 * @param height    window height
 * @param maximized whether the window was maximised (x, y, width, height are then its size before that)
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {
    /** The smallest window the screens are laid out for. */
    public static final double MIN_WIDTH = 1024;
    /** The smallest window height the screens are laid out for. */
    public static final double MIN_HEIGHT = 640;
    /** The size the window opens at the first time, when the screen has room for it. */
    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;
    /** How much of the window's top strip (where its title bar is) must lie on a screen to restore it there. */
    static final double GRIP_WIDTH = 120;
    static final double GRIP_HEIGHT = 24;

    public WindowPlacement {
        if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("A window needs a finite position and a positive size");
        }
    }

    /** The first-start placement on a screen: the preferred size, shrunk to its visual bounds, centred. */
    public static WindowPlacement centredOn(Rectangle2D visual) {
        double w = Math.min(PREFERRED_WIDTH, visual.getWidth());
        double h = Math.min(PREFERRED_HEIGHT, visual.getHeight());
        return new WindowPlacement(visual.getMinX() + (visual.getWidth() - w) / 2,
                visual.getMinY() + (visual.getHeight() - h) / 2, w, h, false);
    }

    /**
     * The placement to open with: {@code saved} when its title strip still lies on one of {@code screens} (visual
     * bounds), shrunk and moved to fit that screen; else {@link #centredOn(Rectangle2D)} the primary screen.
     */
    public static WindowPlacement choose(Optional<WindowPlacement> saved, List<Rectangle2D> screens,
                                         Rectangle2D primary) {
        if (saved.isPresent()) {
            WindowPlacement s = saved.get();
            for (Rectangle2D screen : screens) {
                if (s.titleStripOn(screen)) {
                    return s.fittedTo(screen);
                }
            }
        }
        return centredOn(primary);
    }

    /** The smallest size allowed on a screen: {@link #MIN_WIDTH} × {@link #MIN_HEIGHT}, or the screen if smaller. */
    public static double minWidthOn(Rectangle2D visual) {
        return Math.min(MIN_WIDTH, visual.getWidth());
    }

    /** As {@link #minWidthOn(Rectangle2D)}, for the height. */
    public static double minHeightOn(Rectangle2D visual) {
        return Math.min(MIN_HEIGHT, visual.getHeight());
    }

    private boolean titleStripOn(Rectangle2D screen) {
        double left = Math.max(x, screen.getMinX());
        double right = Math.min(x + width, screen.getMaxX());
        double top = Math.max(y, screen.getMinY());
        double bottom = Math.min(y + GRIP_HEIGHT, screen.getMaxY());
        return right - left >= Math.min(GRIP_WIDTH, width) && bottom - top >= GRIP_HEIGHT / 2;
    }

    /** This placement made to lie wholly within {@code visual}: no larger than it, moved in if it sticks out. */
    public WindowPlacement fittedTo(Rectangle2D visual) {
        double w = Math.max(Math.min(width, visual.getWidth()), minWidthOn(visual));
        double h = Math.max(Math.min(height, visual.getHeight()), minHeightOn(visual));
        double nx = Math.max(visual.getMinX(), Math.min(x, visual.getMaxX() - w));
        double ny = Math.max(visual.getMinY(), Math.min(y, visual.getMaxY() - h));
        return new WindowPlacement(nx, ny, w, h, maximized);
    }

    /** The saved placement in {@code file}, or empty when there is none or it cannot be read. */
    public static Optional<WindowPlacement> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new WindowPlacement(number(p, "x"), number(p, "y"), number(p, "width"),
                    number(p, "height"), Boolean.parseBoolean(p.getProperty("maximized"))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // a damaged file only costs the saved size: open as on the first start
        }
    }

    private static double number(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("No " + key);
        }
        return Double.parseDouble(v.trim());
    }

    /** Writes this placement to {@code file} (replacing it whole, so a crash leaves the old one or the new one). */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("x", Double.toString(x));
        p.setProperty("y", Double.toString(y));
        p.setProperty("width", Double.toString(width));
        p.setProperty("height", Double.toString(height));
        p.setProperty("maximized", Boolean.toString(maximized));
        Files.createDirectories(java.util.Objects.requireNonNull(file.toAbsolutePath().getParent(),
                "the window file is inside a folder"));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Outpost main window: size, position, maximised");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
