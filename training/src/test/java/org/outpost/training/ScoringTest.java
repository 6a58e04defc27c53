package org.outpost.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.outpost.app.ml.CalibrationBin;
import org.outpost.app.ml.Metrics;

/** The evaluation function on a worked example, on simulated outcomes with a known calibration, and on real data. */
class ScoringTest {
    @Test
    void aWorkedExample() {
        boolean[] y = {true, false, true, false};
        double[] p = {0.9, 0.2, 0.6, 0.4};
        Metrics m = Scoring.metrics(y, p);
        assertThat(m.n()).isEqualTo(4);
        assertThat(m.events()).isEqualTo(2);
        // (0.1² + 0.2² + 0.4² + 0.4²) / 4
        assertThat(m.brier()).isCloseTo(0.0925, within(1e-12));
        assertThat(m.accuracy()).isEqualTo(1.0);
        assertThat(m.auc()).isEqualTo(1.0);
        assertThat(m.bins()).extracting(CalibrationBin::n).containsExactly(0, 1, 1, 1, 1);
        assertThat(m.bins().get(4).meanPredicted()).isCloseTo(0.9, within(1e-12));
        assertThat(m.bins().get(4).observed()).isEqualTo(1.0);
        assertThat(m.bins().get(0).observed()).isNaN();
    }

    @Test
    void recalibrationFindsTheInterceptAndSlopeTheOutcomesWereDrawnWith() {
        // outcomes drawn with logit P(y) = 0.5 + 2·logit(p): the fit must find a ≈ 0.5, b ≈ 2
        Random random = new Random(7);
        int n = 20_000;
        boolean[] y = new boolean[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double logit = random.nextGaussian();
            p[i] = 1 / (1 + Math.exp(-logit));
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 + 2 * logit)));
        }
        Metrics m = Scoring.metrics(y, p);
        assertThat(m.calibrationIntercept()).isCloseTo(0.5, within(0.08));
        assertThat(m.calibrationSlope()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void oneOutcomeOnlyHasNoAucAndNoRecalibration() {
        Metrics m = Scoring.metrics(new boolean[] {false, false}, new double[] {0.1, 0.3});
        assertThat(m.auc()).isNaN();
        assertThat(m.calibrationSlope()).isNaN();
        assertThat(m.brier()).isCloseTo((0.01 + 0.09) / 2, within(1e-12));
    }

    /** Pima (tests only, never shipped): plasma glucose as a score for diabetes; AUC by counting pairs. */
    @Test
    void aucOnRealDataEqualsTheShareOfCorrectlyOrderedPairs() throws IOException {
        List<double[]> rows = Files.readAllLines(Path.of("../../shared/data/ml/pima-indians-diabetes.data")).stream()
                .filter(l -> !l.isBlank())
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toList();
        assertThat(rows).hasSize(768);
        boolean[] y = new boolean[rows.size()];
        double[] score = new double[rows.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = rows.get(i)[8] == 1;
            score[i] = rows.get(i)[1] / 200; // glucose, mg/dL, scaled into 0-1
        }
        double pairs = 0;
        double right = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    right += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
            }
        }
        Metrics m = Scoring.metrics(y, score);
        assertThat(m.events()).isEqualTo(268);
        assertThat(m.auc()).isCloseTo(right / pairs, within(1e-9));
        assertThat(m.auc()).isBetween(0.75, 0.82);
    }
}
