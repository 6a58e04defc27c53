package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.risk.Score2Equation.Centred;
import org.outpost.app.risk.Score2Equation.Coefficients;
import org.outpost.app.risk.Score2Equation.Scale;
import org.outpost.app.text.Text;

/**
 * SCORE2: 10-year risk of fatal and non-fatal cardiovascular disease (CVD death, non-fatal myocardial
 * infarction, non-fatal stroke) in apparently healthy people aged 40–69 in Europe.
 *
 * <p>Source: SCORE2 working group and ESC Cardiovascular risk collaboration. "SCORE2 risk prediction
 * algorithms: new models to estimate 10-year risk of cardiovascular disease in Europe." Eur Heart J
 * 2021;42(25):2439–2454, doi:10.1093/eurheartj/ehab309; Supplementary Methods Table 2 (sex-specific
 * subdistribution-hazard coefficients), the baseline survival S0(10) (men 0.9605, women 0.9776) and the
 * region recalibration scales (scale1, scale2 per sex and risk region).
 *
 * <p>Transforms: cage = (age − 60)/5, csbp = (SBP − 120)/20, ctchol = TC − 6, chdl = (HDL − 1.3)/0.5
 * (cholesterol in mmol/L), smoking and diabetes 0/1, and each factor's interaction with cage. Uncalibrated
 * risk = 1 − S0(10)^exp(Σβx); region risk = 1 − exp(−exp(scale1 + scale2 × ln(−ln(1 − risk)))).
 *
 * <p>Validated range: ages 40–69 without established atherosclerotic CVD and without diabetes (the
 * diabetes term exists only for recalibration; the paper states SCORE2 is not for people with diabetes,
 * for whom ESC recommends SCORE2-Diabetes). Under 40, 70 and over (use SCORE2-OP) or with diabetes the
 * model says "not applicable".
 *
 * <p>Categories: ESC 2021 prevention guideline (Visseren et al., Eur Heart J 2021;42:3227–3337, section on risk estimation):
 * under 50, &lt; 2.5 % low-to-moderate, 2.5 to &lt; 7.5 % high, ≥ 7.5 % very high; 50–69, &lt; 5 %, 5 to
 * &lt; 10 %, ≥ 10 %.
 */
public final class Score2 implements ClinicalModel {
    static final ModelRef REF = new ModelRef("score2-2021", "1.0.0", "SCORE2",
            "SCORE2 working group and ESC Cardiovascular risk collaboration. Eur Heart J 2021;42:2439-2454, "
                    + "Supplementary Methods Table 2 and region recalibration scales");

    static final Coefficients MEN = new Coefficients(0.3742, 0.6012, 0.2777, 0.6457, 0.1458, -0.2698,
            -0.0755, -0.0255, -0.0281, 0.0426, -0.0983, 0.9605, 0);
    static final Coefficients WOMEN = new Coefficients(0.4648, 0.7744, 0.3131, 0.8096, 0.1002, -0.2606,
            -0.1088, -0.0277, -0.0226, 0.0613, -0.1272, 0.9776, 0);

    /** Recalibration scales in the order low, moderate, high, very high. */
    static final List<Scale> MEN_SCALES = List.of(new Scale(-0.5699, 0.7476), new Scale(-0.1565, 0.8009),
            new Scale(0.3207, 0.9360), new Scale(0.5836, 0.8294));
    static final List<Scale> WOMEN_SCALES = List.of(new Scale(-0.7380, 0.7019), new Scale(-0.3143, 0.7701),
            new Scale(0.5710, 0.9369), new Scale(0.9412, 0.8329));

    static final double MIN_AGE = 40;
    static final double MAX_AGE_EXCLUSIVE = 70;

    private static final List<InputSpec> INPUTS = Score2Equation.inputs("input.score2.age");

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
        List<String> missing = in.absent(Score2Equation.REQUIRED);
        List<Text> reasons = new ArrayList<>();
        double age = in.number("age").orElse(Double.NaN);
        if (age < MIN_AGE) {
            reasons.add(Text.of("reason.score2.tooYoung"));
        } else if (age >= MAX_AGE_EXCLUSIVE) {
            reasons.add(Text.of("reason.score2.tooOld"));
        }
        if (in.flag("diabetes").orElse(false)) {
            reasons.add(Text.of("reason.score2.diabetes"));
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        boolean male = in.choice("sex").get().equals("male");
        Centred x = new Centred((age - 60) / 5, in.flag("smoker").get(),
                (in.number("systolicBp").getAsDouble() - 120) / 20, false,
                Score2Equation.mmolPerL(in, "totalCholesterol") - 6,
                (Score2Equation.mmolPerL(in, "hdl") - 1.3) / 0.5);
        Coefficients c = male ? MEN : WOMEN;
        List<Contribution> contributions = Score2Equation.contributions(c, x);
        Scale scale = (male ? MEN_SCALES : WOMEN_SCALES).get(Score2Equation.regionIndex(in));
        double risk = Score2Equation.riskPercent(c, Score2Equation.sum(contributions), scale);
        return Evaluation.of(REF, risk, "%", category(age, risk), contributions);
    }

    /** ESC 2021 prevention guideline, age-specific thresholds for ages 40–69. */
    static String category(double age, double riskPercent) {
        double high = age < 50 ? 2.5 : 5;
        double veryHigh = age < 50 ? 7.5 : 10;
        return riskPercent < high ? "low-to-moderate" : riskPercent < veryHigh ? "high" : "very high";
    }
}
