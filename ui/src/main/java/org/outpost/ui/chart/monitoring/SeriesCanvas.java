package org.outpost.ui.chart.monitoring;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The monitoring chart: a canvas that draws a {@link Plot} — the baseline band shaded with its centre line, the flags
 * as shaded periods (the selected one outlined), the down-sampled series as one path, and the axes. A canvas rather
 * than a LineChart: the path is already reduced to at most two points a pixel, and one stroke of it costs well
 * under a millisecond where a LineChart builds a node per point. A click on a flag's period reports the flag.
 */
public final class SeriesCanvas extends Region {
    static final double LEFT = 52;
    static final double RIGHT = 12;
    static final double TOP = 10;
    static final double BOTTOM = 24;
    private static final Color BAND = Color.rgb(70, 130, 180, 0.22);
    private static final Color CENTRE = Color.rgb(70, 130, 180, 0.8);
    private static final Color OPEN_FLAG = Color.rgb(230, 120, 20, 0.25);
    private static final Color DECIDED_FLAG = Color.rgb(130, 130, 130, 0.18);
    private static final Color SELECTED = Color.rgb(200, 60, 0);
    private static final Color LINE = Color.rgb(25, 25, 35);
    private static final Color GRID = Color.rgb(0, 0, 0, 0.08);
    private static final Color AXIS_TEXT = Color.rgb(60, 60, 60);

    private final Canvas canvas = new Canvas();
    private final ZoneId zone;
    private Plot plot;

    SeriesCanvas(ZoneId zone, Consumer<UUID> onFlag) {
        this.zone = zone;
        getChildren().add(canvas);
        getStyleClass().add("monitoring-chart");
        setMinHeight(160);
        setPrefHeight(260);
        setMinWidth(200);
        canvas.setOnMouseClicked(e -> {
            UUID id = flagAt(e.getX());
            if (id != null) {
                onFlag.accept(id);
            }
        });
    }

    /** The width the series is reduced to: the plotting area between the axes. */
    static int plotWidth(double width) {
        return (int) Math.max(1, Math.floor(width - LEFT - RIGHT));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            paint();
        }
    }

    /** Draws {@code p} from now on (null: an empty chart). */
    public void show(Plot p) {
        this.plot = p;
        paint();
    }

    /** The flag whose period is under {@code x} (within 3 px), if any; the narrowest wins. */
    UUID flagAt(double x) {
        Plot p = plot;
        if (p == null) {
            return null;
        }
        double w = canvas.getWidth() - LEFT - RIGHT;
        UUID best = null;
        double bestWidth = Double.MAX_VALUE;
        for (Plot.FlagSpan f : p.flags()) {
            double x0 = LEFT + p.x(f.start(), w);
            double x1 = LEFT + p.x(f.end(), w);
            if (x >= x0 - 3 && x <= x1 + 3 && x1 - x0 < bestWidth) {
                best = f.id();
                bestWidth = x1 - x0;
            }
        }
        return best;
    }

    /** The x (in this node) of the middle of a flag's period as drawn (journeys click there). */
    public double flagCentre(UUID id) {
        Plot p = plot;
        double w = canvas.getWidth() - LEFT - RIGHT;
        return p.flags().stream().filter(f -> f.id().equals(id)).findFirst()
                .map(f -> LEFT + (Math.max(0, p.x(f.start(), w)) + Math.min(w, p.x(f.end(), w))) / 2)
                .orElseThrow();
    }

    /** The canvas drawn on. */
    public Canvas canvas() {
        return canvas;
    }

    /** Draws the plot (the paint bench times it with the render that follows). */
    public void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Plot p = plot;
        double w = width - LEFT - RIGHT;
        double h = height - TOP - BOTTOM;
        if (p == null || w <= 1 || h <= 1) {
            return;
        }
        double scaleY = h / (p.maxY() - p.minY());
        double scaleX = w / p.columns();
        // flags under everything: shaded periods
        for (Plot.FlagSpan f : p.flags()) {
            double x0 = LEFT + Math.max(0, p.x(f.start(), w));
            double x1 = LEFT + Math.min(w, p.x(f.end(), w));
            g.setFill(f.open() ? OPEN_FLAG : DECIDED_FLAG);
            g.fillRect(x0, TOP, Math.max(2, x1 - x0), h);
            if (f.id().equals(p.selected())) {
                g.setStroke(SELECTED);
                g.setLineWidth(2);
                g.strokeRect(x0, TOP + 1, Math.max(2, x1 - x0), h - 2);
            }
        }
        // the band: one polygon per run of columns that have one
        double[] lower = p.lower();
        double[] upper = p.upper();
        g.setFill(BAND);
        int c = 0;
        while (c < lower.length) {
            if (Double.isNaN(lower[c])) {
                c++;
                continue;
            }
            int runEnd = c;
            while (runEnd < lower.length && !Double.isNaN(lower[runEnd])) {
                runEnd++;
            }
            int n = runEnd - c;
            double[] xs = new double[2 * n + 2];
            double[] ys = new double[2 * n + 2];
            int k = 0;
            for (int i = c; i < runEnd; i++) {
                xs[k] = LEFT + i * scaleX;
                ys[k++] = TOP + (p.maxY() - upper[i]) * scaleY;
            }
            xs[k] = LEFT + runEnd * scaleX;
            ys[k++] = TOP + (p.maxY() - upper[runEnd - 1]) * scaleY;
            xs[k] = LEFT + runEnd * scaleX;
            ys[k++] = TOP + (p.maxY() - lower[runEnd - 1]) * scaleY;
            for (int i = runEnd - 1; i >= c; i--) {
                xs[k] = LEFT + i * scaleX;
                ys[k++] = TOP + (p.maxY() - lower[i]) * scaleY;
            }
            g.fillPolygon(xs, ys, k);
            g.setStroke(CENTRE);
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.beginPath();
            for (int i = c; i < runEnd; i++) {
                double y = TOP + (p.maxY() - p.centre()[i]) * scaleY;
                if (i == c) {
                    g.moveTo(LEFT + i * scaleX, y);
                } else {
                    g.lineTo(LEFT + i * scaleX, y);
                }
            }
            g.stroke();
            g.setLineDashes();
            c = runEnd;
        }
        // the grid and axes
        g.setStroke(GRID);
        g.setLineWidth(1);
        g.setFill(AXIS_TEXT);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        double step = niceStep((p.maxY() - p.minY()) / 5);
        for (double v = Math.ceil(p.minY() / step) * step; v <= p.maxY(); v += step) {
            double y = TOP + (p.maxY() - v) * scaleY;
            g.strokeLine(LEFT, y, LEFT + w, y);
            g.fillText(format(v, step), LEFT - 6, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (ZonedDateTime tick : timeTicks(p.from(), p.to(), zone, (int) Math.max(2, w / 90))) {
            double x = LEFT + p.x(tick.toEpochSecond(), w);
            g.strokeLine(x, TOP, x, TOP + h);
            g.fillText(tickLabel(tick, p.to() - p.from()), Math.min(Math.max(x, LEFT + 20), LEFT + w - 20),
                    TOP + h + 5);
        }
        // the series: one path, broken where a NaN marks a gap
        DownSampler.Path path = p.path();
        long[] ts = path.times();
        double[] vs = path.values();
        g.setStroke(LINE);
        g.setLineWidth(1.2);
        g.beginPath();
        boolean pen = false;
        double spanSeconds = p.to() - p.from();
        for (int i = 0; i < ts.length; i++) {
            if (Double.isNaN(vs[i])) {
                pen = false;
                continue;
            }
            double x = LEFT + (ts[i] - p.from()) * w / spanSeconds;
            double y = TOP + (p.maxY() - vs[i]) * scaleY;
            if (pen) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                g.lineTo(x + 0.5, y); // a lone point still shows
                pen = true;
            }
        }
        g.stroke();
        if (ts.length > 0 && ts.length < 60) { // sparse series (weight, home BP): mark each reading
            g.setFill(LINE);
            for (int i = 0; i < ts.length; i++) {
                if (!Double.isNaN(vs[i])) {
                    g.fillOval(LEFT + (ts[i] - p.from()) * w / spanSeconds - 2.5,
                            TOP + (p.maxY() - vs[i]) * scaleY - 2.5, 5, 5);
                }
            }
        }
        g.setStroke(AXIS_TEXT);
        g.strokeRect(LEFT, TOP, w, h);
    }

    private static final long HOUR = 3600;
    private static final long[] STEPS = {HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR,
        7 * 24 * HOUR, 14 * 24 * HOUR};
    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12};
    private static final DateTimeFormatter HOUR_LABEL = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    /**
     * Time ticks on whole hours, days or months of the clinic's calendar, at most {@code most} of them in
     * [{@code from}, {@code to}).
     */
    static java.util.List<ZonedDateTime> timeTicks(long from, long to, ZoneId zone, int most) {
        java.util.List<ZonedDateTime> ticks = new java.util.ArrayList<>();
        long span = to - from;
        ZonedDateTime midnight = Instant.ofEpochSecond(from).atZone(zone).toLocalDate().atStartOfDay(zone);
        for (long step : STEPS) {
            if (span / step <= most) {
                for (ZonedDateTime t = midnight; t.toEpochSecond() < to; t = t.plusSeconds(step)) {
                    if (t.toEpochSecond() >= from) {
                        ticks.add(t);
                    }
                }
                return ticks;
            }
        }
        ZonedDateTime month = midnight.withDayOfMonth(1);
        for (int step : MONTH_STEPS) {
            if (span / (step * 30 * 24 * HOUR) <= most) {
                for (ZonedDateTime t = month; t.toEpochSecond() < to; t = t.plusMonths(step)) {
                    if (t.toEpochSecond() >= from) {
                        ticks.add(t);
                    }
                }
                return ticks;
            }
        }
        return ticks;
    }

    private static String tickLabel(ZonedDateTime t, long span) {
        if (span > 200 * 24 * HOUR) {
            return MONTH_LABEL.format(t);
        }
        boolean midnight = t.getHour() == 0 && t.getMinute() == 0;
        return span <= 2 * 24 * HOUR && !midnight ? HOUR_LABEL.format(t) : DAY_LABEL.format(t);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        double r = raw / magnitude;
        double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static String format(double v, double step) {
        return step < 1 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
    }
}
