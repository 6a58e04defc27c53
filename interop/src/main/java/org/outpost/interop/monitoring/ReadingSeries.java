package org.outpost.interop.monitoring;

import java.time.Instant;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import org.outpost.app.monitoring.Reading;

/**
 * An immutable list of readings held as two primitive arrays (epoch milliseconds and values, 16 bytes a reading), oldest
 * first: a year of per-minute heart rate costs 8 MB instead of ~20 million objects' worth. {@link #get} makes the
 * {@link Reading} on demand. Times are kept to the millisecond.
 */
final class ReadingSeries extends AbstractList<Reading> implements RandomAccess {
    private final long[] millis;
    private final double[] values;
    private final long duplicates;

    private ReadingSeries(long[] millis, double[] values) {
        this.millis = millis;
        this.values = values;
        long d = 0;
        for (int i = 1; i < millis.length; i++) {
            if (millis[i] == millis[i - 1]) {
                d++;
            }
        }
        this.duplicates = d;
    }

    @Override
    public Reading get(int index) {
        return new Reading(Instant.ofEpochMilli(millis[index]), values[index]);
    }

    @Override
    public int size() {
        return millis.length;
    }

    /** Readings at the same instant as the reading before them. */
    long duplicateTimestamps() {
        return duplicates;
    }

    /** Collects readings in file order; {@link #build()} sorts them (stable: equal times keep file order). */
    static final class Builder {
        private long[] millis = new long[1024];
        private double[] values = new double[1024];
        private int size;
        private boolean sorted = true;

        void add(long epochMilli, double value) {
            if (size == millis.length) {
                int grown = size + (size >> 1);
                millis = Arrays.copyOf(millis, grown);
                values = Arrays.copyOf(values, grown);
            }
            if (size > 0 && epochMilli < millis[size - 1]) {
                sorted = false;
            }
            millis[size] = epochMilli;
            values[size] = value;
            size++;
        }

        int size() {
            return size;
        }

        ReadingSeries build() {
            long[] m = Arrays.copyOf(millis, size);
            double[] v = Arrays.copyOf(values, size);
            if (!sorted) {
                int[] order = new int[size];
                for (int i = 0; i < size; i++) {
                    order[i] = i;
                }
                mergeSort(order, new int[size], 0, size, m);
                long[] sm = new long[size];
                double[] sv = new double[size];
                for (int i = 0; i < size; i++) {
                    sm[i] = m[order[i]];
                    sv[i] = v[order[i]];
                }
                m = sm;
                v = sv;
            }
            return new ReadingSeries(m, v);
        }

        /** Stable merge sort of the indices {@code order[from, to)} by {@code keys[index]}. */
        private static void mergeSort(int[] order, int[] scratch, int from, int to, long[] keys) {
            if (to - from < 2) {
                return;
            }
            int mid = (from + to) >>> 1;
            mergeSort(order, scratch, from, mid, keys);
            mergeSort(order, scratch, mid, to, keys);
            if (keys[order[mid - 1]] <= keys[order[mid]]) {
                return;
            }
            System.arraycopy(order, from, scratch, from, to - from);
            int i = from;
            int j = mid;
            for (int k = from; k < to; k++) {
                if (j >= to || (i < mid && keys[scratch[i]] <= keys[scratch[j]])) {
                    order[k] = scratch[i++];
                } else {
                    order[k] = scratch[j++];
                }
            }
        }
    }
}
