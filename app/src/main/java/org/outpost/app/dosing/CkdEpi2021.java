package org.outpost.app.dosing;

import java.util.List;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.text.Text;

/**
 * CKD-EPI 2021 creatinine equation (race-free) for estimated glomerular filtration rate.
 *
 * <p>Source: Inker LA, Eneanya ND, Coresh J, et al. "New Creatinine- and Cystatin C–Based Equations to
 * Estimate GFR without Race." N Engl J Med 2021;385:1737–1749:
 * {@code eGFRcr = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [if female]}, with
 * κ = 0.7 (female) / 0.9 (male), α = −0.241 (female) / −0.302 (male), Scr in mg/dL (IDMS-traceable).
 *
 * <p>Applicability: adults (≥ 18 years); serum creatinine of at least {@value #MIN_CREATININE} mg/dL (the
 * estimate grows without bound as creatinine approaches zero — Outpost's safety floor, not from the paper).
 * Like every creatinine equation it assumes a stable creatinine; Outpost cannot check this.
 *
 * <p>Value: mL/min/1.73 m², rounded to a whole number as laboratories report it. Category: the KDIGO GFR
 * category of that reported value — KDIGO 2012 Clinical Practice Guideline for the Evaluation and Management
 * of Chronic Kidney Disease, Kidney Int Suppl 2013;3(1):1–150, chapter 1, GFR categories: G1 ≥ 90 normal
 * or high, G2 60–89 mildly decreased, G3a 45–59 mildly to moderately decreased, G3b 30–44 moderately to
 * severely decreased, G4 15–29 severely decreased, G5 &lt; 15 kidney failure. A GFR category alone is not a
 * CKD diagnosis (which needs duration &gt; 3 months, and markers of damage in G1–G2).
 *
 * <p>Contributions, in ln(mL/min/1.73 m²), adding up to ln(eGFR) before rounding: {@code creatinine} the
 * two creatinine terms (with the sex's κ and α), {@code age} age × ln(0.9938), {@code sex} ln(1.012) for
 * women, and {@link Contribution#BASELINE} ln(142).
 */
public final class CkdEpi2021 implements ClinicalModel {
    static final ModelRef REF = new ModelRef("egfr-ckd-epi-2021", "1.0.0", "CKD-EPI 2021 creatinine eGFR",
            "Inker LA et al. N Engl J Med 2021;385:1737-1749; GFR categories: KDIGO 2012 CKD guideline, "
                    + "Kidney Int Suppl 2013;3:1-150");

    static final String UNIT = "mL/min/1.73 m\u00b2";
    static final String LN_UNIT = "ln(mL/min/1.73 m\u00b2)";
    static final double MIN_CREATININE = CreatinineEquations.MIN_CREATININE;

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.egfr-ckd-epi-2021.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.egfr-ckd-epi-2021.sex"),
            InputSpec.measured("creatinine", Measure.CREATININE, "input.egfr-ckd-epi-2021.creatinine"));

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
        List<String> missing = in.absent("age", "sex", "creatinine");
        List<Text> reasons = CreatinineEquations.reasonsNotApplicable(in);
        double age = in.number("age").orElse(Double.NaN);
        double scr = in.number("creatinine").orElse(Double.NaN);
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        boolean female = in.choice("sex").get().equals("female");
        double kappa = female ? 0.7 : 0.9;
        double alpha = female ? -0.241 : -0.302;
        double ratio = scr / kappa;
        double lnCreatinine = alpha * Math.log(Math.min(ratio, 1)) - 1.200 * Math.log(Math.max(ratio, 1));
        List<Contribution> terms = List.of(
                new Contribution("age", age * Math.log(0.9938), LN_UNIT),
                new Contribution("sex", female ? Math.log(1.012) : 0, LN_UNIT),
                new Contribution("creatinine", lnCreatinine, LN_UNIT),
                new Contribution(Contribution.BASELINE, Math.log(142), LN_UNIT));
        double egfr = Math.exp(terms.stream().mapToDouble(Contribution::amount).sum());
        long reported = Math.round(egfr);
        return Evaluation.of(REF, reported, UNIT, category(reported), terms);
    }

    /** KDIGO 2012 GFR category of a reported eGFR (whole mL/min/1.73 m²). */
    static String category(double egfr) {
        if (egfr >= 90) {
            return "G1 normal or high";
        }
        if (egfr >= 60) {
            return "G2 mildly decreased";
        }
        if (egfr >= 45) {
            return "G3a mildly to moderately decreased";
        }
        if (egfr >= 30) {
            return "G3b moderately to severely decreased";
        }
        if (egfr >= 15) {
            return "G4 severely decreased";
        }
        return "G5 kidney failure";
    }
}
