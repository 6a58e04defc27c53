package org.outpost.app.ml;

/**
 * One bin of a calibration plot: the people whose predicted probability fell in {@code [from, to)} (the last bin
 * includes 1), the mean of their predictions and the share who had the outcome. A well calibrated model has
 * {@code observed} close to {@code meanPredicted} in every bin.
 *
 * @param from          lower edge, probability 0–1
 * @param to            upper edge, probability 0–1
 * @param n             people in the bin
 * @param meanPredicted mean predicted probability, 0–1 (NaN when the bin is empty)
 * @param observed      share with the outcome, 0–1 (NaN when the bin is empty)
 */
public record CalibrationBin(double from, double to, int n, double meanPredicted, double observed) {
}
