package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.model.Concept;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.text.Text;

/**
 * HAS-BLED: 1-year risk of major bleeding in atrial fibrillation, on or considered for anticoagulation.
 *
 * <p>Source: Pisters R, Lane DA, Nieuwlaat R, de Vos CB, Crijns HJGM, Lip GYH. "A novel user-friendly
 * score (HAS-BLED) to assess 1-year risk of major bleeding in patients with atrial fibrillation: the Euro
 * Heart Survey." Chest 2010;138(5):1093–1100 (doi:10.1378/chest.10-0134).
 *
 * <p>One point each: Hypertension (uncontrolled, systolic &gt; 160 mmHg); Abnormal renal function
 * (chronic dialysis, renal transplantation or serum creatinine ≥ 200 µmol/L); Abnormal liver function
 * (chronic hepatic disease such as cirrhosis, or bilirubin &gt; 2 × ULN with AST/ALT/ALP &gt; 3 × ULN);
 * Stroke; Bleeding history or predisposition; Labile INR (time in therapeutic range &lt; 60 %); Elderly
 * (age &gt; 65); Drugs (antiplatelet agents or NSAIDs); Alcohol (≥ 8 drinks a week). Range 0–9. A score of
 * 3 or more is high risk: caution and regular review, and correction of the reversible factors — not by
 * itself a reason to withhold anticoagulation.
 *
 * <p>The category also reports the paper's major bleeds per 100 patient-years at the person's score
 * (0: 1.13, 1: 1.02, 2: 1.88, 3: 3.74, 4: 8.70, 5: 12.50; above 5 too few patients to estimate), as
 * reproduced from Pisters 2010 in secondary tables (e.g. Can Fam Physician 2012, PMC3418985, Table 3).
 *
 * <p>Hypertension: the point is given if {@code uncontrolledHypertension} is true <em>or</em> the
 * systolic pressure given is above 160 mmHg, so a clinician's "controlled" never hides a chart reading
 * above the threshold (erring towards the bleeding-risk review the score prompts). Only when neither is
 * given is the item missing. Labile INR applies to vitamin K antagonists; for someone not on one, enter
 * false. Validated range: adults (≥ 18 years) with atrial fibrillation.
 */
public final class HasBled implements ClinicalModel {
    static final ModelRef REF = new ModelRef("has-bled", "1.0.0", "HAS-BLED",
            "Pisters R et al. Chest 2010;138(5):1093-1100");

    /** Major bleeds per 100 patient-years by score 0–5 (Pisters 2010); none reported above 5. */
    private static final double[] BLEEDS_PER_100_PATIENT_YEARS = {1.13, 1.02, 1.88, 3.74, 8.70, 12.50};

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.has-bled.age"),
            InputSpec.flag("atrialFibrillation", "input.has-bled.atrialFibrillation").as(Concept.problem(ClinicalProblem.ATRIAL_FIBRILLATION)),
            InputSpec.flag("uncontrolledHypertension", "input.has-bled.uncontrolledHypertension"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.has-bled.systolicBp"),
            InputSpec.flag("abnormalRenalFunction", "input.has-bled.abnormalRenalFunction")
                    .as(Concept.problem(ClinicalProblem.RENAL_REPLACEMENT)),
            InputSpec.flag("abnormalLiverFunction", "input.has-bled.abnormalLiverFunction").as(Concept.problem(ClinicalProblem.LIVER_DISEASE)),
            InputSpec.flag("stroke", "input.has-bled.stroke").as(Concept.problem(ClinicalProblem.STROKE)),
            InputSpec.flag("bleedingHistory", "input.has-bled.bleedingHistory")
                    .as(Concept.problem(ClinicalProblem.MAJOR_BLEEDING)),
            InputSpec.flag("labileInr", "input.has-bled.labileInr"),
            InputSpec.flag("antiplateletOrNsaid", "input.has-bled.antiplateletOrNsaid")
                    .as(Concept.takes(false, "antiplatelet", "nsaid")),
            InputSpec.flag("alcoholExcess", "input.has-bled.alcoholExcess"));

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
        List<String> missing = new ArrayList<>(in.absent("age"));
        if (!in.has("uncontrolledHypertension") && !in.has("systolicBp")) {
            missing.add("uncontrolledHypertension");
        }
        missing.addAll(in.absent("abnormalRenalFunction", "abnormalLiverFunction", "stroke", "bleedingHistory",
                "labileInr", "antiplateletOrNsaid", "alcoholExcess"));
        List<Text> reasons = new ArrayList<>();
        if (in.flag("atrialFibrillation").orElse(true).equals(false)) {
            reasons.add(Text.of("reason.has-bled.noAtrialFibrillation"));
        }
        double age = in.number("age").orElse(Double.NaN);
        if (age < 18) {
            reasons.add(Text.of("reason.adultsOnly"));
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        List<Contribution> points = new ArrayList<>();
        points.add(hypertension(in));
        add(points, "abnormalRenalFunction", flag(in, "abnormalRenalFunction"));
        add(points, "abnormalLiverFunction", flag(in, "abnormalLiverFunction"));
        add(points, "stroke", flag(in, "stroke"));
        add(points, "bleedingHistory", flag(in, "bleedingHistory"));
        add(points, "labileInr", flag(in, "labileInr"));
        add(points, "age", Math.floor(age) > 65 ? 1 : 0); // completed years: 65.9 is 65
        add(points, "antiplateletOrNsaid", flag(in, "antiplateletOrNsaid"));
        add(points, "alcoholExcess", flag(in, "alcoholExcess"));
        int score = (int) points.stream().mapToDouble(Contribution::amount).sum();
        return Evaluation.of(REF, score, "points", category(score), points);
    }

    /** The hypertension point, credited to whichever input gave it. */
    private static Contribution hypertension(ModelInputs in) {
        OptionalDouble sbp = in.number("systolicBp");
        if (in.flag("uncontrolledHypertension").orElse(false)) {
            return new Contribution("uncontrolledHypertension", 1, "points");
        }
        if (sbp.isPresent() && sbp.getAsDouble() > 160) {
            return new Contribution("systolicBp", 1, "points");
        }
        return new Contribution(in.has("uncontrolledHypertension") ? "uncontrolledHypertension" : "systolicBp", 0,
                "points");
    }

    /** Pisters 2010: 3 or more is high risk; with the paper's bleed rate at this score. */
    static String category(int score) {
        String risk = score >= 3 ? "high risk (3 or more): caution and regular review" : "not high risk (below 3)";
        String rate = score < BLEEDS_PER_100_PATIENT_YEARS.length
                ? String.format(java.util.Locale.ROOT, "%.2f major bleeds per 100 patient-years at this score",
                        BLEEDS_PER_100_PATIENT_YEARS[score])
                : "too few patients at this score to estimate a bleeding rate";
        return risk + "; " + rate + " (Euro Heart Survey)";
    }

    private static int flag(ModelInputs in, String name) {
        return in.flag(name).get() ? 1 : 0;
    }

    private static void add(List<Contribution> points, String input, int amount) {
        points.add(new Contribution(input, amount, "points"));
    }
}
