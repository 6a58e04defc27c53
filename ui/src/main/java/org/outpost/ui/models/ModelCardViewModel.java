package org.outpost.ui.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outpost.app.ml.CalibrationBin;
import org.outpost.app.ml.Metrics;
import org.outpost.app.ml.ModelCard;
import org.outpost.ui.text.UiText;

/**
 * A learned model's card as display-ready text: what it is for and not for, the training data, the held-out
 * metrics and calibration bins, the subgroups (a flagged one marked, with its warnings), the compared algorithms
 * and why the shipped one was chosen, its known limits and its provenance. The card is immutable, so is this.
 */
public final class ModelCardViewModel {
    /** A labelled value ("AUC", "0.917"). */
    public record Fact(String label, String value) {
    }

    /**
     * One calibration bin: its range and size as text, and the mean prediction and observed share (0–1) to plot.
     *
     * @param plotted false for an empty bin (nothing to plot: its values are NaN)
     */
    public record BinRow(String range, String people, String predicted, String observed, double meanPredicted,
                         double observedShare, boolean plotted) {
    }

    /**
     * One subgroup of the held-out split.
     *
     * @param marker   a warning sign when flagged, else empty
     * @param warnings its warnings, one per line; empty when not flagged
     */
    public record SubgroupRow(String name, String people, String events, String auc, String brier,
                              String calibrationSlope, boolean flagged, String marker, String warnings) {
    }

    /** One compared algorithm: cross-validation (mean ± SD) and held-out figures; {@code shipped} marks ours. */
    public record CandidateRow(String algorithm, String settings, String cvAuc, String cvBrier, String heldOutAuc,
                               String heldOutBrier, String heldOutSlope, boolean shipped, String shippedText) {
    }

    private final ModelCard card;
    private final UiText text;

    public ModelCardViewModel(ModelCard card, UiText text) {
        this.card = Objects.requireNonNull(card, "card");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** The card itself. */
    public ModelCard card() {
        return card;
    }

    /** "title, version …", the window's title and the card's heading. */
    public String title() {
        return text.get("modelCard.title", card.title(), card.version());
    }

    public String intendedUse() {
        return card.intendedUse();
    }

    public String notIntendedFor() {
        return card.notIntendedFor();
    }

    /** Where, when and on whom it was trained, and how the data were split. */
    public List<Fact> trainingData() {
        ModelCard.TrainingData d = card.data();
        return List.of(
                fact("modelCard.data.source", d.source()),
                fact("modelCard.data.citation", d.citation()),
                fact("modelCard.data.licence", d.licence()),
                fact("modelCard.data.place", d.place()),
                fact("modelCard.data.years", d.years()),
                fact("modelCard.data.outcome", d.outcome()),
                fact("modelCard.data.rows", text.get("modelCard.data.rowsValue", d.rowsUsed(), d.rowsInFile(),
                        d.events())),
                fact("modelCard.data.missing", d.missingHandling()),
                fact("modelCard.data.sex", text.get("modelCard.data.sexValue", d.male(), d.female())),
                fact("modelCard.data.age", text.get("modelCard.data.ageValue", whole(d.ageMin()),
                        whole(d.ageMedian()), whole(d.ageMax()), d.ageUnder50(), d.age50To59(), d.age60AndOver())),
                fact("modelCard.data.split", text.get("modelCard.data.splitValue", d.trainRows(), d.heldOutRows(),
                        d.split())));
    }

    /** The shipped model's figures on the held-out split. */
    public List<Fact> heldOutMetrics() {
        Metrics m = card.heldOut();
        return List.of(
                fact("modelCard.metrics.people", text.get("modelCard.metrics.peopleValue", m.n(), m.events())),
                fact("modelCard.metrics.auc", number(m.auc())),
                fact("modelCard.metrics.accuracy", percent(m.accuracy())),
                fact("modelCard.metrics.brier", number(m.brier())),
                fact("modelCard.metrics.intercept", number(m.calibrationIntercept())),
                fact("modelCard.metrics.slope", number(m.calibrationSlope())));
    }

    /** The held-out calibration bins, lowest first. */
    public List<BinRow> calibration() {
        List<BinRow> rows = new ArrayList<>();
        for (CalibrationBin b : card.heldOut().bins()) {
            boolean plotted = b.n() > 0 && !Double.isNaN(b.meanPredicted()) && !Double.isNaN(b.observed());
            rows.add(new BinRow(text.get("modelCard.bin.range", percent(b.from()), percent(b.to())),
                    Integer.toString(b.n()), percent(b.meanPredicted()), percent(b.observed()), b.meanPredicted(),
                    b.observed(), plotted));
        }
        return List.copyOf(rows);
    }

    public List<SubgroupRow> subgroups() {
        return card.subgroups().stream().map(s -> new SubgroupRow(s.name(), Integer.toString(s.metrics().n()),
                Integer.toString(s.metrics().events()), number(s.metrics().auc()), number(s.metrics().brier()),
                number(s.metrics().calibrationSlope()), s.flagged(),
                s.flagged() ? text.get("modelCard.subgroup.marker") : "", String.join("\n", s.warnings())))
                .toList();
    }

    /** Whether any subgroup is flagged (the section then says so above the table). */
    public boolean anySubgroupFlagged() {
        return card.subgroups().stream().anyMatch(ModelCard.Subgroup::flagged);
    }

    public List<CandidateRow> comparison() {
        return card.comparison().stream().map(c -> new CandidateRow(c.algorithm(), c.settings(),
                text.get("modelCard.comparison.cv", number(c.cvAucMean()), number(c.cvAucSd())),
                text.get("modelCard.comparison.cv", number(c.cvBrierMean()), number(c.cvBrierSd())),
                number(c.heldOut().auc()), number(c.heldOut().brier()), number(c.heldOut().calibrationSlope()),
                c.shipped(), c.shipped() ? text.get("modelCard.comparison.shipped") : ""))
                .toList();
    }

    /** What "CV" and "held out" mean in the comparison, with the shipped candidate's number of folds. */
    public String comparisonNote() {
        return text.get("modelCard.comparison.note", card.shipped().folds(), card.heldOut().n());
    }

    public String whyShipped() {
        return card.whyShipped();
    }

    /** Known limits, one plain sentence each. */
    public List<String> limits() {
        return card.limits();
    }

    public List<Fact> provenance() {
        ModelCard.Provenance p = card.provenance();
        return List.of(
                fact("modelCard.provenance.dataFile", text.get("modelCard.provenance.dataFileValue", p.dataFile(),
                        p.dataSha256())),
                fact("modelCard.provenance.tribuo", p.tribuoVersion()),
                fact("modelCard.provenance.seed", Long.toString(p.seed())),
                fact("modelCard.provenance.spread", p.spread()),
                fact("modelCard.provenance.outOfDistribution", p.outOfDistribution()));
    }

    /** Tribuo's own provenance record of the shipped model (long, for the record). */
    public String tribuoProvenance() {
        return card.provenance().tribuoProvenance();
    }

    private Fact fact(String key, String value) {
        return new Fact(text.get(key), value);
    }

    /** Three decimals, or "not available" for NaN (a metric that could not be computed). */
    private String number(double v) {
        return Double.isNaN(v) ? text.get("modelCard.notAvailable") : String.format(text.locale(), "%.3f", v);
    }

    private String percent(double share) {
        return Double.isNaN(share) ? text.get("modelCard.notAvailable")
                : String.format(text.locale(), "%.0f%%", share * 100);
    }

    private String whole(double v) {
        return String.format(text.locale(), "%.0f", v);
    }
}
