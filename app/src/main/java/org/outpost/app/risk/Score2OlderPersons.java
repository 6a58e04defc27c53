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
 * SCORE2-OP (older persons): 10-year risk of fatal and non-fatal cardiovascular disease, adjusted for the
 * competing risk of non-cardiovascular death, in apparently healthy people aged 70 and over in Europe.
 *
 * <p>Source: SCORE2-OP working group and ESC Cardiovascular risk collaboration. "SCORE2-OP risk
 * prediction algorithms: estimating incident cardiovascular event risk in older persons in four
 * geographical risk regions." Eur Heart J 2021;42(25):2455–2467, doi:10.1093/eurheartj/ehab312;
 * supplementary tables of sex-specific coefficients, baseline survival S0(10) (men 0.7576, women 0.8082),
 * mean linear predictor (men 0.0929, women 0.2290) and region recalibration scales.
 *
 * <p>Transforms: cage = age − 73, csbp = SBP − 150, ctchol = TC − 6, chdl = HDL − 1.4 (cholesterol in
 * mmol/L), smoking and diabetes 0/1, and each factor's interaction with cage. Uncalibrated risk =
 * 1 − S0(10)^exp(Σβx − mean); region risk = 1 − exp(−exp(scale1 + scale2 × ln(−ln(1 − risk)))).
 *
 * <p>Validated range: ages 70 to 89 (derived in people over 65 in the Cohort of Norway, externally
 * validated to about 89) without established atherosclerotic CVD. Diabetes is a predictor of the model
 * (the ESC charts show people without diabetes). Under 70 (use SCORE2) or 90 and over: not applicable.
 *
 * <p>Categories: ESC 2021 prevention guideline (Visseren et al., Eur Heart J 2021;42:3227–3337, section on risk estimation)
 * for ages ≥ 70: &lt; 7.5 % low-to-moderate, 7.5 to &lt; 15 % high, ≥ 15 % very high.
 */
public final class Score2OlderPersons implements ClinicalModel {
    static final ModelRef REF = new ModelRef("score2-op-2021", "1.0.0", "SCORE2-OP",
            "SCORE2-OP working group and ESC Cardiovascular risk collaboration. Eur Heart J 2021;42:2455-2467, "
                    + "supplementary coefficients, baseline survival and region recalibration scales");

    static final Coefficients MEN = new Coefficients(0.0634, 0.3524, 0.0094, 0.4245, 0.0850, -0.3564,
            -0.0247, -0.0005, 0.0073, 0.0091, -0.0174, 0.7576, 0.0929);
    static final Coefficients WOMEN = new Coefficients(0.0789, 0.4921, 0.0102, 0.6010, 0.0605, -0.3040,
            -0.0255, -0.0004, -0.0009, 0.0154, -0.0107, 0.8082, 0.2290);

    /** Recalibration scales in the order low, moderate, high, very high. */
    static final List<Scale> MEN_SCALES = List.of(new Scale(-0.34, 1.19), new Scale(0.01, 1.25),
            new Scale(0.08, 1.15), new Scale(0.05, 0.70));
    static final List<Scale> WOMEN_SCALES = List.of(new Scale(-0.52, 1.01), new Scale(-0.10, 1.10),
            new Scale(0.38, 1.09), new Scale(0.38, 0.69));

    static final double MIN_AGE = 70;
    static final double MAX_AGE_EXCLUSIVE = 90;

    private static final List<InputSpec> INPUTS =
            Score2Equation.inputs("input.score2-op.age");

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
            reasons.add(Text.of("reason.score2-op.tooYoung"));
        } else if (age >= MAX_AGE_EXCLUSIVE) {
            reasons.add(Text.of("reason.score2-op.tooOld"));
        }
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        boolean male = in.choice("sex").get().equals("male");
        Centred x = new Centred(age - 73, in.flag("smoker").get(), in.number("systolicBp").getAsDouble() - 150,
                in.flag("diabetes").get(), Score2Equation.mmolPerL(in, "totalCholesterol") - 6,
                Score2Equation.mmolPerL(in, "hdl") - 1.4);
        Coefficients c = male ? MEN : WOMEN;
        List<Contribution> contributions = Score2Equation.contributions(c, x);
        Scale scale = (male ? MEN_SCALES : WOMEN_SCALES).get(Score2Equation.regionIndex(in));
        double risk = Score2Equation.riskPercent(c, Score2Equation.sum(contributions), scale);
        return Evaluation.of(REF, risk, "%", category(risk), contributions);
    }

    /** ESC 2021 prevention guideline thresholds for ages 70 and over. */
    static String category(double riskPercent) {
        return riskPercent < 7.5 ? "low-to-moderate" : riskPercent < 15 ? "high" : "very high";
    }
}
