package org.outpost.ui.chart.monitoring;

import java.util.Arrays;

/**
 * Reduces a series to what a chart {@code columns} pixels wide can show, keeping every spike: each pixel column
 * keeps its lowest and its highest reading (in the order they occurred), so a single high point in a year of
 * per-minute data still reaches the top of its column. At most {@code 2 × columns} points come out, however many
 * went in; a column without readings breaks the line (a point with a NaN value), so a gap in wearing the device
 * shows as a gap and not as a straight line across it (see {@code breakAfter}).
 *
 * <p>Min/max per column is chosen over LTTB (largest-triangle-three-buckets): LTTB keeps one point per bucket and
 * can drop a one-minute spike next to a larger swing, and it costs more per point; min/max is exact for what a
 * line of that width can show and is a single pass.
 */
public final class DownSampler {
    private DownSampler() {
    }

    /**
     * The points to draw.
     *
     * @param times   seconds since the epoch, ascending
     * @param values  the readings, same length
     * @param from    the window's start (seconds, inclusive)
     * @param to      the window's end (seconds, exclusive), after {@code from}
     * @param columns    the width in pixels (at least 1)
     * @param breakAfter seconds without a reading after which the line breaks (the device was not worn); a break
     *                   also needs an empty pixel column, so sparse columns of a zoomed-in day do not break it
     */
    public static Path sample(long[] times, double[] values, int count, long from, long to, int columns,
                              long breakAfter) {
        if (to <= from) {
            throw new IllegalArgumentException("The window ends after it starts");
        }
        int w = Math.max(1, columns);
        long[] outT = new long[2 * w];
        double[] outV = new double[2 * w];
        int n = 0;
        int start = lowerBound(times, count, from);
        double span = to - from;
        int i = start;
        boolean previousEmpty = false;
        boolean any = false;
        for (int c = 0; c < w && i < count && times[i] < to; c++) {
            long columnEnd = from + (long) Math.ceil(span * (c + 1) / w);
            if (times[i] >= columnEnd) {
                previousEmpty = true;
                continue;
            }
            int minAt = i;
            int maxAt = i;
            for (; i < count && times[i] < columnEnd; i++) {
                if (values[i] < values[minAt]) {
                    minAt = i;
                }
                if (values[i] > values[maxAt]) {
                    maxAt = i;
                }
            }
            int first = Math.min(minAt, maxAt);
            int second = Math.max(minAt, maxAt);
            if (previousEmpty && any && times[first] - outT[n - 1] > breakAfter) {
                // a break before this column: the gap point takes the place of an empty column's two points
                outT[n] = times[first];
                outV[n++] = Double.NaN;
            }
            outT[n] = times[first];
            outV[n++] = values[first];
            if (second != first) {
                outT[n] = times[second];
                outV[n++] = values[second];
            }
            previousEmpty = false;
            any = true;
        }
        return new Path(Arrays.copyOf(outT, n), Arrays.copyOf(outV, n));
    }

    /** The index of the first time at or after {@code t}. */
    static int lowerBound(long[] times, int count, long t) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * A down-sampled series: times (seconds) and values; a NaN value breaks the line.
     */
    public record Path(long[] times, double[] values) {
        public int size() {
            return times.length;
        }
    }
}
