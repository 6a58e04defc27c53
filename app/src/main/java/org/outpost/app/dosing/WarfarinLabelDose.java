package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.outpost.app.domain.Measure;
import org.outpost.app.dosing.WarfarinIwpcDose.Cyp2c9;
import org.outpost.app.dosing.WarfarinIwpcDose.GeneCall;
import org.outpost.app.dosing.WarfarinIwpcDose.Vkorc1;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

/**
 * The warfarin dose range the US label expects for a patient's CYP2C9 and VKORC1 genotypes — what pharmacists look
 * up in the label beside the {@link WarfarinIwpcDose IWPC estimate}.
 *
 * <p>Source: COUMADIN (warfarin sodium) US prescribing information, Table 1 "Range of Expected Therapeutic
 * Warfarin Doses Based on CYP2C9 and VKORC1 Genotypes" — the data file {@code warfarin-label-genotype-doses.tsv}
 * beside this class, which records the label revision it was checked against. The label: "Ranges are derived from
 * multiple published clinical studies"; the VKORC1 −1639G&gt;A (rs9923231) variant is used; other factors (age,
 * race, body weight, sex, concomitant medications, comorbidities) "are generally accounted for along with genotype
 * in the ranges". The table gives a range per genotype pair, not one dose: it is a starting point, and the dose is
 * then set by INR. It is less accurate than a pharmacogenetic algorithm (Finkelman BS et al., J Am Coll Cardiol
 * 2011;57:612–618), which is why both are shown.
 *
 * <p>Applicability: both genotypes given and in the table — VKORC1 −1639 GG, AG or AA, and a CYP2C9 diplotype of
 * *1, *2 and *3. The label table does not cover other CYP2C9 alleles (*5, *6, *8, *11 …, more common in people of
 * African ancestry): for them the model says so and gives no range. Genotype texts are read as the IWPC model reads
 * them ("G/A", "-1639G>A het", "*1/*3", "CYP2C9 *3/*1").
 *
 * <p>Result: no single number (the label gives none); the category names the genotype and its range in mg/day, and
 * the advice repeats it, adds the label's note that CYP2C9 *1/*3, *2/*2, *2/*3 and *3/*3 may take a prolonged time
 * (2 to 4 weeks) to reach the maximum INR effect, and is {@link Severity#MODERATE} for the 0.5–2 mg/day cells (the
 * most sensitive patients), else {@link Severity#LOW}. The label grades no strength.
 */
public final class WarfarinLabelDose implements ClinicalModel {
    static final String VKORC1 = WarfarinIwpcDose.VKORC1;
    static final String CYP2C9 = WarfarinIwpcDose.CYP2C9;
    static final String UNIT = "mg/day";

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.text(VKORC1, "input.warfarin-label-genotype.vkorc1"),
            InputSpec.text(CYP2C9, "input.warfarin-label-genotype.cyp2c9"));

    private final WarfarinLabelTable table;
    private final ModelRef ref;

    /** With the bundled table. */
    public WarfarinLabelDose() {
        this(WarfarinLabelTable.bundled());
    }

    WarfarinLabelDose(WarfarinLabelTable table) {
        this.table = table;
        this.ref = new ModelRef("warfarin-label-genotype", table.version(),
                "Warfarin label dose range by genotype (COUMADIN Table 1)",
                table.source() + "; " + table.labelRevision());
    }

    @Override
    public ModelRef ref() {
        return ref;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        List<String> missing = in.absent(VKORC1, CYP2C9);
        List<Text> reasons = new ArrayList<>();
        GeneCall<Vkorc1> vkorc1 = WarfarinIwpcDose.vkorc1(in.text(VKORC1));
        if (!vkorc1.notGiven() && vkorc1.genotype().isEmpty()) {
            reasons.add(Text.verbatim(vkorc1.note()));
        }
        Optional<Cyp2c9> cyp2c9 = Optional.empty();
        Optional<String> cypText = in.text(CYP2C9).filter(t -> !t.isBlank());
        if (cypText.isPresent()) {
            Optional<int[]> alleles = WarfarinIwpcDose.cyp2c9Alleles(cypText.get());
            if (alleles.isEmpty()) {
                reasons.add(Text.of("reason.warfarin-label-genotype.cyp2c9NotRecognised"));
            } else if (alleles.get()[1] > 3 || alleles.get()[0] < 1) {
                reasons.add(Text.of("reason.warfarin-label-genotype.cyp2c9NotCovered",
                        String.valueOf(alleles.get()[0]), String.valueOf(alleles.get()[1])));
            } else {
                cyp2c9 = Optional.of(Cyp2c9.of(alleles.get()[0], alleles.get()[1]));
            }
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(ref, missing, reasons);
        }
        Vkorc1 v = vkorc1.genotype().orElseThrow();
        Cyp2c9 c = cyp2c9.orElseThrow();
        WarfarinLabelTable.Range range = table.range(v, c);
        String span = Measure.format(range.minMgPerDay()) + "\u2013" + Measure.format(range.maxMgPerDay()) + " " + UNIT;
        String genotype = "VKORC1 " + v.label + ", CYP2C9 " + c.label;
        Text text = Text.of("advice.warfarin-label.range", range.minMgPerDay(), range.maxMgPerDay(), v.label, c.label,
                range.prolongedTimeToMaxInr() ? Text.of("advice.warfarin-label.prolonged") : Text.empty());
        Severity severity = range.maxMgPerDay() <= 2 ? Severity.MODERATE : Severity.LOW;
        Recommendation advice = Recommendation.of(severity, text, "")
                .withSource("COUMADIN (warfarin) US prescribing information, Table 1 (table " + table.version() + ")");
        return Evaluation.advice(ref, Double.NaN, UNIT, genotype + ": " + span, List.of(), advice);
    }
}
