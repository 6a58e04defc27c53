package org.outpost.app.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.outpost.app.model.OutOfDistribution;

/**
 * What the model has seen, for the out-of-distribution check: each input's observed range in the training rows
 (the training command checks that every category of the four categorical inputs occurs in them), and the Mahalanobis distance of a case from the training rows
 * on the 13 standardised inputs (categorical codes taken as numbers), with the 99th percentile of the training
 * rows' own distances as the threshold. Immutable; fitted by the training command, shipped as a properties file.
 *
 * @param names          the 13 app input names, in the file's column order
 * @param min            each input's smallest training value
 * @param max            each input's largest training value
 * @param mean           each input's training mean
 * @param sd             each input's training standard deviation
 * @param inverseCorrelation the inverse of the inputs' correlation matrix (13 × 13, row-major)
 * @param threshold      the 99th percentile of the training rows' Mahalanobis distances
 * @param rows           training rows the statistics come from
 */
public record TrainingStatistics(List<String> names, double[] min, double[] max, double[] mean, double[] sd,
                                 double[] inverseCorrelation, double threshold, int rows) {
    /** Percentile of the training rows' distances used as the threshold. */
    public static final double PERCENTILE = 99;

    public TrainingStatistics {
        names = List.copyOf(names);
        int k = names.size();
        if (min.length != k || max.length != k || mean.length != k || sd.length != k
                || inverseCorrelation.length != k * k) {
            throw new LearnedModelException("training statistics: " + k + " inputs but arrays of other sizes");
        }
        min = min.clone();
        max = max.clone();
        mean = mean.clone();
        sd = sd.clone();
        inverseCorrelation = inverseCorrelation.clone();
    }

    /** Fits the statistics to the training rows. */
    public static TrainingStatistics fit(List<String> names, List<ClevelandCase> cases) {
        int k = names.size();
        int n = cases.size();
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = cases.get(i).values();
        }
        double[] min = new double[k];
        double[] max = new double[k];
        double[] mean = new double[k];
        double[] sd = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                min[j] = Math.min(min[j], row[j]);
                max[j] = Math.max(max[j], row[j]);
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < k; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
            }
        }
        for (int j = 0; j < k; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        double[][] corr = new double[k][k];
        for (double[] row : x) {
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    corr[a][b] += (row[a] - mean[a]) / sd[a] * (row[b] - mean[b]) / sd[b] / (n - 1);
                }
            }
        }
        double[] inverse = flatten(invert(corr));
        TrainingStatistics noThreshold = new TrainingStatistics(names, min, max, mean, sd, inverse, 0, n);
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = noThreshold.distance(x[i]);
        }
        Arrays.sort(d);
        double threshold = d[Math.min(n - 1, (int) Math.ceil(PERCENTILE / 100 * n) - 1)];
        return new TrainingStatistics(names, min, max, mean, sd, inverse, threshold, n);
    }

    /** The Mahalanobis distance of 13 values (file coding) from the training rows. */
    public double distance(double[] values) {
        int k = names.size();
        double[] z = new double[k];
        for (int j = 0; j < k; j++) {
            z[j] = (values[j] - mean[j]) / sd[j];
        }
        double sum = 0;
        for (int a = 0; a < k; a++) {
            double row = 0;
            for (int b = 0; b < k; b++) {
                row += inverseCorrelation[a * k + b] * z[b];
            }
            sum += z[a] * row;
        }
        return Math.sqrt(Math.max(0, sum));
    }

    /** The out-of-distribution verdict for one case. */
    public OutOfDistribution check(ClevelandCase c) {
        double[] v = c.values();
        List<String> outside = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            if (v[j] < min[j] || v[j] > max[j]) {
                outside.add(names.get(j));
            }
        }
        double distance = distance(v);
        return new OutOfDistribution(outside, distance, threshold);
    }

    /** Writes the statistics as properties ({@code ood.*}). */
    public void writeTo(Properties p) {
        p.setProperty("ood.names", String.join(" ", names));
        p.setProperty("ood.min", join(min));
        p.setProperty("ood.max", join(max));
        p.setProperty("ood.mean", join(mean));
        p.setProperty("ood.sd", join(sd));
        p.setProperty("ood.inverseCorrelation", join(inverseCorrelation));
        p.setProperty("ood.threshold", Double.toString(threshold));
        p.setProperty("ood.percentile", Double.toString(PERCENTILE));
        p.setProperty("ood.rows", Integer.toString(rows));
    }

    static TrainingStatistics readFrom(CardProperties p) {
        List<String> names = List.of(p.text("ood.names").strip().split("\\s+"));
        int k = names.size();
        return new TrainingStatistics(names, p.numbers("ood.min", k), p.numbers("ood.max", k),
                p.numbers("ood.mean", k), p.numbers("ood.sd", k), p.numbers("ood.inverseCorrelation", k * k),
                p.number("ood.threshold"), p.integer("ood.rows"));
    }

    private static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(d);
        }
        return b.toString();
    }

    private static double[] flatten(double[][] m) {
        int k = m.length;
        double[] out = new double[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, out, i * k, k);
        }
        return out;
    }

    /** Gauss–Jordan inversion with partial pivoting. */
    static double[][] invert(double[][] m) {
        int k = m.length;
        double[][] a = new double[k][2 * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(m[i], 0, a[i], 0, k);
            a[i][k + i] = 1;
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw new IllegalArgumentException("the inputs' correlation matrix is singular");
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double d = a[col][col];
            for (int c = 0; c < 2 * k; c++) {
                a[col][c] /= d;
            }
            for (int r = 0; r < k; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int c = 0; c < 2 * k; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] inv = new double[k][k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(a[i], k, inv[i], 0, k);
        }
        return inv;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingStatistics t && names.equals(t.names) && Arrays.equals(min, t.min)
                && Arrays.equals(max, t.max) && Arrays.equals(mean, t.mean) && Arrays.equals(sd, t.sd)
                && Arrays.equals(inverseCorrelation, t.inverseCorrelation) && threshold == t.threshold
                && rows == t.rows;
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return "TrainingStatistics[" + rows + " rows, threshold " + threshold + "]";
    }
}
