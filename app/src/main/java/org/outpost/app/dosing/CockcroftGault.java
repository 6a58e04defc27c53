package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.ValidatedRange;
import org.outpost.app.text.Text;

/**
 * Cockcroft–Gault estimated creatinine clearance, the estimate most drug labels' renal dosing was studied with.
 *
 * <p>Source: Cockcroft DW, Gault MH. "Prediction of creatinine clearance from serum creatinine." Nephron
 * 1976;16(1):31–41: {@code CrCl (mL/min) = (140 − age) × weight (kg) / (72 × serum creatinine (mg/dL))},
 * × 0.85 for women. The result is not normalised to body surface area.
 *
 * <p>Which weight — Outpost's rule, as common practice applies it (the 1976 paper used actual weight in
 * hospitalised men of ordinary build and gives no rule for obesity):
 * <ul>
 *   <li>ideal body weight (IBW) by Devine BJ, "Gentamicin therapy", Drug Intell Clin Pharm 1974;8:650–655:
 *       50 kg (men) / 45.5 kg (women) + 2.3 kg per inch of height over 60 in;</li>
 *   <li>adjusted body weight = IBW + 0.4 × (actual − IBW), the 0.4 factor as used for aminoglycoside dosing
 *       in obesity (Bauer LA, <i>Applied Clinical Pharmacokinetics</i>, McGraw-Hill; Winter MA et al.,
 *       Pharmacotherapy 2012;32(7):604–612, compared these weights in CG);</li>
 *   <li>actual weight &lt; IBW → actual weight; IBW ≤ actual ≤ 120 % of IBW → IBW; actual &gt; 120 % of IBW →
 *       adjusted weight. The 120 % threshold is a widespread institutional convention, not a single
 *       authoritative source; BMI ≥ 30 kg/m² is another trigger in use and is <b>not</b> applied here;</li>
 *   <li>without a height, or with a height under 60 in (152.4 cm) where the Devine formula is not defined,
 *       actual weight is used and the category says so.</li>
 * </ul>
 *
 * <p>Applicability: adults (≥ 18 years); serum creatinine of at least {@value #MIN_CREATININE} mg/dL (the
 * estimate grows without bound as creatinine approaches zero — Outpost's safety floor, not from the paper);
 * weight {@value #MIN_WEIGHT}–{@value #MAX_WEIGHT} kg and height {@value #MIN_HEIGHT}–{@value #MAX_HEIGHT} cm —
 * Outpost's bounds, not the paper's (its 249 men are not described beyond age and weight): the weight enters
 * the estimate in proportion, so a typed 700 for 70 kg would give ten times the clearance; beyond these bounds
 * the value is a slip or the patient is one for whom a weight-based estimate means nothing, and the model says
 * "not applicable" rather than give a number.
 * The equation assumes a <b>stable</b> creatinine (steady state); Outpost cannot check this, so it is not
 * valid in acute kidney injury or rapidly changing renal function — the clinician must judge.
 *
 * <p>Value: mL/min, rounded to 1 decimal. Category: which weight was used and its value, e.g. "adjusted body
 * weight 79.8 kg" — no renal-function band is given, as the dosing bands in use differ between drug labels.
 *
 * <p>Contributions, in ln(mL/min), adding up to ln(CrCl) before rounding: {@code age} ln(140 − age),
 * {@code weight} ln(actual weight), {@code height} ln(weight used / actual weight) (the change the weight
 * choice makes; 0 when actual weight is used), {@code creatinine} −ln(SCr), {@code sex} ln(0.85) for women,
 * and {@link Contribution#BASELINE} −ln(72).
 */
public final class CockcroftGault implements ClinicalModel {
    static final ModelRef REF = new ModelRef("crcl-cockcroft-gault", "1.0.0", "Cockcroft-Gault creatinine clearance",
            "Cockcroft DW, Gault MH. Nephron 1976;16(1):31-41; ideal body weight: Devine BJ. "
                    + "Drug Intell Clin Pharm 1974;8:650-655");

    static final String UNIT = "mL/min";
    static final String LN_UNIT = "ln(mL/min)";
    /** Outpost's floor: below this the estimate is not given. */
    static final double MIN_CREATININE = CreatinineEquations.MIN_CREATININE;
    static final double CM_PER_INCH = 2.54;
    static final double DEVINE_BASE_INCHES = 60;
    static final double MIN_WEIGHT = 20;
    static final double MAX_WEIGHT = 350;
    static final double MIN_HEIGHT = 120;
    static final double MAX_HEIGHT = 250;
    private static final List<ValidatedRange> RANGES = List.of(
            new ValidatedRange("weight", "label.weight", MIN_WEIGHT, MAX_WEIGHT, "kg"),
            new ValidatedRange("height", "label.height", MIN_HEIGHT, MAX_HEIGHT, "cm"));

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.crcl-cockcroft-gault.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.crcl-cockcroft-gault.sex"),
            InputSpec.measured("weight", Measure.BODY_WEIGHT, "input.crcl-cockcroft-gault.weight"),
            InputSpec.measured("creatinine", Measure.CREATININE, "input.crcl-cockcroft-gault.creatinine"),
            InputSpec.measured("height", Measure.BODY_HEIGHT, "input.crcl-cockcroft-gault.height"));

    /** Which weight the clearance was computed with. */
    enum WeightUsed {
        ACTUAL("actual body weight"), IDEAL("ideal body weight"), ADJUSTED("adjusted body weight");

        final String label;

        WeightUsed(String label) {
            this.label = label;
        }
    }

    /** The weight chosen, with a note when the choice fell back to actual weight. */
    record Weight(WeightUsed used, double kg, String note) { }

    @Override
    public ModelRef ref() {
        return REF;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        List<String> missing = in.absent("age", "sex", "weight", "creatinine");
        List<Text> reasons = new ArrayList<>(CreatinineEquations.reasonsNotApplicable(in));
        RANGES.forEach(r -> r.check(in, reasons));
        double age = in.number("age").orElse(Double.NaN);
        double scr = in.number("creatinine").orElse(Double.NaN);
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        boolean female = in.choice("sex").get().equals("female");
        double actual = in.number("weight").getAsDouble();
        Weight w = weight(female, actual, in.number("height").isPresent() ? in.number("height").getAsDouble() : null);
        double sexFactor = female ? 0.85 : 1.0;
        double crcl = (140 - age) * w.kg() / (72 * scr) * sexFactor;

        List<Contribution> terms = new ArrayList<>();
        terms.add(new Contribution("age", Math.log(140 - age), LN_UNIT));
        terms.add(new Contribution("sex", Math.log(sexFactor), LN_UNIT));
        terms.add(new Contribution("weight", Math.log(actual), LN_UNIT));
        terms.add(new Contribution("creatinine", -Math.log(scr), LN_UNIT));
        if (in.has("height")) {
            terms.add(new Contribution("height", Math.log(w.kg() / actual), LN_UNIT));
        }
        terms.add(new Contribution(Contribution.BASELINE, -Math.log(72), LN_UNIT));
        String category = w.used().label + " " + String.format(Locale.ROOT, "%.1f", w.kg()) + " kg"
                + (w.note().isEmpty() ? "" : " (" + w.note() + ")");
        return Evaluation.of(REF, Math.round(crcl * 10) / 10.0, UNIT, category, terms);
    }

    /** Devine ideal body weight in kg, for a height of at least 60 in. */
    static double idealBodyWeight(boolean female, double heightCm) {
        return (female ? 45.5 : 50.0) + 2.3 * (heightCm / CM_PER_INCH - DEVINE_BASE_INCHES);
    }

    /** The weight rule of the class Javadoc. {@code heightCm} null when not given. */
    static Weight weight(boolean female, double actualKg, Double heightCm) {
        if (heightCm == null) {
            return new Weight(WeightUsed.ACTUAL, actualKg, "actual body weight used: no height");
        }
        if (heightCm < DEVINE_BASE_INCHES * CM_PER_INCH) {
            return new Weight(WeightUsed.ACTUAL, actualKg,
                    "actual body weight used: height under 60 in, ideal body weight not defined");
        }
        double ibw = idealBodyWeight(female, heightCm);
        if (actualKg < ibw) {
            return new Weight(WeightUsed.ACTUAL, actualKg, "");
        }
        if (actualKg <= 1.2 * ibw) {
            return new Weight(WeightUsed.IDEAL, ibw, "");
        }
        return new Weight(WeightUsed.ADJUSTED, ibw + 0.4 * (actualKg - ibw), "");
    }
}
