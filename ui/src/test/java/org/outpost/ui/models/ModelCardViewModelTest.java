package org.outpost.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.outpost.app.ml.LearnedModels;
import org.outpost.app.ml.Metrics;
import org.outpost.app.ml.ModelCard;
import org.outpost.ui.text.UiText;

class ModelCardViewModelTest {
    private final ModelCard card = LearnedModels.coronaryDisease().card();
    private final ModelCardViewModel model = new ModelCardViewModel(card, new UiText(Locale.ENGLISH));

    private static String three(double v) {
        return String.format(Locale.ENGLISH, "%.3f", v);
    }

    private static String value(List<ModelCardViewModel.Fact> facts, String labelStart) {
        return facts.stream().filter(f -> f.label().startsWith(labelStart)).findFirst().orElseThrow().value();
    }

    @Test
    void theHeldOutMetricsAreTheCardsOwn() {
        Metrics m = card.heldOut();
        var facts = model.heldOutMetrics();
        assertThat(value(facts, "AUC")).isEqualTo(three(m.auc())).isEqualTo("0.917");
        assertThat(value(facts, "Brier")).isEqualTo(three(m.brier())).isEqualTo("0.112");
        assertThat(value(facts, "Calibration intercept")).isEqualTo(three(m.calibrationIntercept()));
        assertThat(value(facts, "Calibration slope")).isEqualTo(three(m.calibrationSlope()));
        assertThat(value(facts, "Accuracy")).isEqualTo(Math.round(m.accuracy() * 100) + "%");
        assertThat(value(facts, "People held out")).isEqualTo(m.n() + " (" + m.events() + " with the outcome)");
    }

    @Test
    void theCalibrationPlotHasEveryBinOfTheCardPredictedAgainstObserved() {
        var bins = model.calibration();
        assertThat(bins).hasSize(card.heldOut().bins().size()).hasSize(5);
        for (int i = 0; i < bins.size(); i++) {
            var bin = card.heldOut().bins().get(i);
            assertThat(bins.get(i).meanPredicted()).isEqualTo(bin.meanPredicted());
            assertThat(bins.get(i).observedShare()).isEqualTo(bin.observed());
            assertThat(bins.get(i).people()).isEqualTo(Integer.toString(bin.n()));
            assertThat(bins.get(i).plotted()).isTrue();
        }
        assertThat(bins.getFirst().range()).isEqualTo("0%–20%");
    }

    @Test
    void aFlaggedSubgroupIsMarkedWithItsWarningsAndAnUnflaggedOneIsNot() {
        var rows = model.subgroups();
        assertThat(rows).extracting(ModelCardViewModel.SubgroupRow::name)
                .containsExactlyElementsOf(card.subgroups().stream().map(ModelCard.Subgroup::name).toList());
        ModelCard.Subgroup flagged = card.subgroups().stream().filter(ModelCard.Subgroup::flagged).findFirst()
                .orElseThrow();
        var row = rows.stream().filter(r -> r.name().equals(flagged.name())).findFirst().orElseThrow();
        assertThat(row.flagged()).isTrue();
        assertThat(row.marker()).isEqualTo("\u26a0");
        assertThat(row.warnings()).isEqualTo(String.join("\n", flagged.warnings())).startsWith("small: only ");
        assertThat(row.people()).isEqualTo(Integer.toString(flagged.metrics().n()));

        var men = rows.stream().filter(r -> r.name().equals("men")).findFirst().orElseThrow();
        assertThat(men.flagged()).isFalse();
        assertThat(men.marker()).isEmpty();
        assertThat(men.warnings()).isEmpty();
        assertThat(model.anySubgroupFlagged()).isTrue();
    }

    @Test
    void theLimitsTheComparisonAndTheProvenanceAreOnTheCard() {
        assertThat(model.limits()).isNotEmpty().isEqualTo(card.limits());
        assertThat(model.limits().getFirst()).startsWith("A small historical cohort");
        assertThat(model.comparison()).filteredOn(ModelCardViewModel.CandidateRow::shipped)
                .singleElement().satisfies(c -> {
                    assertThat(c.algorithm()).isEqualTo(card.shipped().algorithm());
                    assertThat(c.shippedText()).isEqualTo("ships");
                    assertThat(c.heldOutBrier()).isEqualTo(three(card.shipped().heldOut().brier()));
                });
        assertThat(model.whyShipped()).isEqualTo(card.whyShipped());
        assertThat(model.comparisonNote()).contains(card.shipped().folds() + "-fold");
        assertThat(model.intendedUse()).isEqualTo(card.intendedUse());
        assertThat(model.notIntendedFor()).isEqualTo(card.notIntendedFor());
        assertThat(value(model.provenance(), "Data file")).contains(card.provenance().dataSha256());
        assertThat(value(model.trainingData(), "Licence")).isEqualTo("CC BY 4.0");
        assertThat(value(model.trainingData(), "Sex")).isEqualTo(card.data().male() + " men, " + card.data().female()
                + " women");
        assertThat(model.title()).contains(card.title()).contains(card.version());
    }

    @Test
    void aMetricThatCouldNotBeComputedReadsNotAvailable() {
        Metrics m = card.heldOut();
        Metrics noAuc = new Metrics(m.n(), m.events(), Double.NaN, m.accuracy(), m.brier(), Double.NaN,
                m.calibrationSlope(), m.bins());
        ModelCard changed = new ModelCard(card.title(), card.version(), card.intendedUse(), card.notIntendedFor(),
                card.data(), noAuc, card.subgroups(), card.comparison(), card.whyShipped(), card.limits(),
                card.provenance());
        var facts = new ModelCardViewModel(changed, new UiText(Locale.ENGLISH)).heldOutMetrics();
        assertThat(value(facts, "AUC")).isEqualTo("n/a");
        assertThat(value(facts, "Calibration intercept")).isEqualTo("n/a");
    }
}
