package org.outpost.ui.chart.monitoring;

import java.util.List;
import java.util.UUID;
import org.outpost.app.monitoring.Measure;

/**
 * What the monitoring chart draws for one window, already reduced to its width: the down-sampled series, the
 * baseline band per pixel column, and the flags as periods. Times are seconds since the epoch.
 *
 * @param from      the window's start (inclusive)
 * @param to        the window's end (exclusive)
 * @param columns   the width it was reduced for, in pixels
 * @param path      the series (a NaN value breaks the line)
 * @param lower     per column, the band's lower edge (NaN: no band there)
 * @param centre    per column, the baseline
 * @param upper     per column, the band's upper edge
 * @param flags     the flags that overlap the window
 * @param minY      the value axis's bottom
 * @param maxY      the value axis's top
 * @param selected  the flag selected in the list, or null
 */
public record Plot(Measure measure, long from, long to, int columns, DownSampler.Path path, double[] lower,
                   double[] centre, double[] upper, List<FlagSpan> flags, double minY, double maxY, UUID selected) {
    public Plot {
        flags = List.copyOf(flags);
    }

    /** A flag's period on the chart. */
    public record FlagSpan(UUID id, long start, long end, boolean open) { }

    /** The x position (0 to {@code width}) of a time. */
    public double x(long seconds, double width) {
        return (seconds - from) * width / (double) (to - from);
    }

    /** The time at an x position. */
    public long time(double x, double width) {
        return from + Math.round(x / width * (to - from));
    }
}
