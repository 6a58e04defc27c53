package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.Concept;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;

/**
 * The arithmetic SCORE2 and SCORE2-OP share: a sex-specific subdistribution-hazard linear predictor over
 * centred risk factors with age interactions, 10-year risk {@code 1 − S0^exp(lp − mean)}, and the
 * region recalibration {@code 1 − exp(−exp(scale1 + scale2 × ln(−ln(1 − risk))))}.
 *
 * <p>Cholesterol is entered in the chart's canonical mg/dL and converted at 38.67 mg/dL per mmol/L
 * (see {@link Measure}); the equations work in mmol/L.
 */
final class Score2Equation {
    static final String UNIT = "ln(hazard)";
    static final double MG_DL_PER_MMOL_L = 38.67;
    static final List<String> REGIONS = List.of("low", "moderate", "high", "very_high");
    static final String[] REQUIRED = {"age", "sex", "smoker", "diabetes", "systolicBp", "totalCholesterol", "hdl",
        "riskRegion"};

    private Score2Equation() {
    }

    /** One sex's coefficients, baseline survival at 10 years and mean linear predictor (0 when uncentred). */
    record Coefficients(double age, double smoking, double sbp, double diabetes, double totalChol, double hdl,
                        double smokingAge, double sbpAge, double totalCholAge, double hdlAge, double diabetesAge,
                        double baselineSurvival10y, double meanLinearPredictor) { }

    /** Recalibration to one risk region. */
    record Scale(double scale1, double scale2) { }

    /** Risk factors already centred and scaled as the model defines them. */
    record Centred(double age, boolean smoker, double sbp, boolean diabetes, double totalChol, double hdl) { }

    static List<InputSpec> inputs(String ageDescriptionKey) {
        return List.of(
                InputSpec.number("age", "years", 0, 120, ageDescriptionKey),
                InputSpec.choice("sex", List.of("female", "male"), "input.score2.sex"),
                InputSpec.flag("smoker", "input.score2.smoker").as(Concept.SMOKING),
                InputSpec.flag("diabetes", "input.score2.diabetes"),
                InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.score2.systolicBp").as(Concept.SYSTOLIC_BP),
                InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "input.score2.totalCholesterol"),
                InputSpec.measured("hdl", Measure.HDL_CHOLESTEROL, "input.score2.hdl"),
                InputSpec.choice("riskRegion", REGIONS, "input.score2.riskRegion"));
    }

    static double mmolPerL(ModelInputs in, String name) {
        return in.number(name).getAsDouble() / MG_DL_PER_MMOL_L;
    }

    /** Each input's share of the linear predictor; an age interaction goes to the factor it modifies. */
    static List<Contribution> contributions(Coefficients c, Centred x) {
        double smoker = x.smoker() ? 1 : 0;
        double diabetes = x.diabetes() ? 1 : 0;
        List<Contribution> out = new ArrayList<>();
        out.add(new Contribution("age", c.age() * x.age(), UNIT));
        out.add(new Contribution("smoker", (c.smoking() + c.smokingAge() * x.age()) * smoker, UNIT));
        out.add(new Contribution("diabetes", (c.diabetes() + c.diabetesAge() * x.age()) * diabetes, UNIT));
        out.add(new Contribution("systolicBp", (c.sbp() + c.sbpAge() * x.age()) * x.sbp(), UNIT));
        out.add(new Contribution("totalCholesterol", (c.totalChol() + c.totalCholAge() * x.age()) * x.totalChol(), UNIT));
        out.add(new Contribution("hdl", (c.hdl() + c.hdlAge() * x.age()) * x.hdl(), UNIT));
        return out;
    }

    /** Recalibrated 10-year risk in %, from the sum of the contributions. */
    static double riskPercent(Coefficients c, double linearPredictor, Scale s) {
        double uncalibrated = 1 - Math.pow(c.baselineSurvival10y(), Math.exp(linearPredictor - c.meanLinearPredictor()));
        double calibrated = 1 - Math.exp(-Math.exp(s.scale1() + s.scale2() * Math.log(-Math.log(1 - uncalibrated))));
        return Math.min(100, Math.max(0, 100 * calibrated));
    }

    static double sum(List<Contribution> contributions) {
        return contributions.stream().mapToDouble(Contribution::amount).sum();
    }

    static int regionIndex(ModelInputs in) {
        return REGIONS.indexOf(in.choice("riskRegion").get().toLowerCase(Locale.ROOT));
    }
}
