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
 * CKD-EPI 2021 creatinine–cystatin C equation (race-free) for estimated glomerular filtration rate.
 *
 * <p>Source: Inker LA, Eneanya ND, Coresh J, et al. "New Creatinine- and Cystatin C–Based Equations to
 * Estimate GFR without Race." N Engl J Med 2021;385:1737–1749:
 * {@code eGFRcr-cys = 135 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−0.544 × min(Scys/0.8, 1)^−0.323
 * × max(Scys/0.8, 1)^−0.778 × 0.9961^age × 0.963 [if female]}, with κ = 0.7 (female) / 0.9 (male),
 * α = −0.219 (female) / −0.144 (male), Scr in mg/dL (IDMS-traceable) and Scys in mg/L (IFCC-standardised,
 * ERM-DA471/IFCC). Coefficients as in the paper and the NIDDK/NKF equation pages (checked against a public
 * restatement of the paper's equation, egfr.app, 2025).
 *
 * <p>Why it is here: the NKF–ASN task force (Delgado C et al., Am J Kidney Dis 2022;79:268–288) and KDIGO 2024
 * recommend the combined equation where a more accurate estimate is needed — "particularly important when the
 * eGFR is close to a critical decision value, such as in certain cases of drug dosing" (NIDDK, GFR equations
 * for adults), which calls it preferred and more accurate than creatinine alone. Uncertainty: the paper gives
 * accuracy over its validation population (bias, P30), not an interval for one person, so none is shown; like
 * every eGFR it is an estimate, and a measured GFR settles a decision that hangs on a few mL/min.
 *
 * <p>Applicability: adults (≥ 18 years; the paper's equations are for adults); serum creatinine of at least
 * {@value CreatinineEquations#MIN_CREATININE} mg/dL and cystatin C of at least {@value #MIN_CYSTATIN} mg/L
 * (Outpost's floors, the lower ends of the plausible ranges, not from the paper). Both markers must be stable:
 * neither is valid in acute kidney injury, and cystatin C is raised by high-dose glucocorticoids and thyroid
 * disease, which Outpost cannot check. The two results should come from the same time; Outpost takes the latest
 * of each within the model's freshness window.
 *
 * <p>Value: mL/min/1.73 m², rounded to a whole number. Category: the KDIGO 2012 GFR category, as for
 * {@link CkdEpi2021}.
 *
 * <p>Contributions, in ln(mL/min/1.73 m²), adding up to ln(eGFR) before rounding: {@code creatinine} the two
 * creatinine terms, {@code cystatinC} the two cystatin C terms, {@code age} age × ln(0.9961), {@code sex}
 * ln(0.963) for women, and {@link Contribution#BASELINE} ln(135).
 */
public final class CkdEpi2021CreatinineCystatin implements ClinicalModel {
    static final ModelRef REF = new ModelRef("egfr-ckd-epi-2021-cr-cys", "1.0.0",
            "CKD-EPI 2021 creatinine\u2013cystatin C eGFR",
            "Inker LA et al. N Engl J Med 2021;385:1737-1749 (eGFRcr-cys); GFR categories: KDIGO 2012 CKD "
                    + "guideline, Kidney Int Suppl 2013;3:1-150");

    /** Input name of cystatin C, in mg/L. */
    public static final String CYSTATIN_C = "cystatinC";
    /** Below this cystatin C (mg/L) the value is implausible (see {@link Measure#CYSTATIN_C}); Outpost's floor. */
    static final double MIN_CYSTATIN = 0.2;

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.egfr-ckd-epi-2021-cr-cys.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.egfr-ckd-epi-2021-cr-cys.sex"),
            InputSpec.measured("creatinine", Measure.CREATININE, "input.egfr-ckd-epi-2021-cr-cys.creatinine"),
            InputSpec.measured(CYSTATIN_C, Measure.CYSTATIN_C, "input.egfr-ckd-epi-2021-cr-cys.cystatinC"));

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
        List<String> missing = in.absent("age", "sex", "creatinine", CYSTATIN_C);
        List<Text> reasons = CreatinineEquations.reasonsNotApplicable(in);
        double scys = in.number(CYSTATIN_C).orElse(Double.NaN);
        if (scys < MIN_CYSTATIN) {
            reasons.add(Text.of("reason.cystatin.tooLow", Measure.format(MIN_CYSTATIN)));
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        double age = in.number("age").getAsDouble();
        double scr = in.number("creatinine").getAsDouble();
        boolean female = in.choice("sex").get().equals("female");
        double kappa = female ? 0.7 : 0.9;
        double alpha = female ? -0.219 : -0.144;
        double cr = scr / kappa;
        double cys = scys / 0.8;
        double lnCreatinine = alpha * Math.log(Math.min(cr, 1)) - 0.544 * Math.log(Math.max(cr, 1));
        double lnCystatin = -0.323 * Math.log(Math.min(cys, 1)) - 0.778 * Math.log(Math.max(cys, 1));
        List<Contribution> terms = List.of(
                new Contribution("age", age * Math.log(0.9961), CkdEpi2021.LN_UNIT),
                new Contribution("sex", female ? Math.log(0.963) : 0, CkdEpi2021.LN_UNIT),
                new Contribution("creatinine", lnCreatinine, CkdEpi2021.LN_UNIT),
                new Contribution(CYSTATIN_C, lnCystatin, CkdEpi2021.LN_UNIT),
                new Contribution(Contribution.BASELINE, Math.log(135), CkdEpi2021.LN_UNIT));
        double egfr = Math.exp(terms.stream().mapToDouble(Contribution::amount).sum());
        long reported = Math.round(egfr);
        return Evaluation.of(REF, reported, CkdEpi2021.UNIT, CkdEpi2021.category(reported), terms);
    }
}
