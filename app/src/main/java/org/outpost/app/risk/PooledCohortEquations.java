package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.ValidatedRange;
import org.outpost.app.text.Text;

/**
 * ACC/AHA Pooled Cohort Equations: 10-year risk of a first hard atherosclerotic cardiovascular disease
 * (ASCVD) event (non-fatal myocardial infarction, coronary heart disease death, fatal or non-fatal stroke).
 *
 * <p>Source of the equations: Goff DC Jr, Lloyd-Jones DM, Bennett G, et al. "2013 ACC/AHA Guideline on the
 * Assessment of Cardiovascular Risk." Circulation 2014;129(25 Suppl 2):S49–S73, <b>Table A</b> ("Equation
 * Parameters of the Pooled Cohort Equations for Estimation of 10-Year Risk of Hard ASCVD"): sex- and
 * race-specific Cox coefficients, the group's mean "coefficient × value" sum and its 10-year baseline
 * survival. The risk is {@code 1 − S₁₀^exp(Σβx − mean)}. As the guideline advises, people of races other than
 * white or African American are estimated with the white equations.
 *
 * <p><b>Coefficient set used: the ACC/AHA estimator's, not Table A's rounded print.</b> Table A prints the
 * coefficients to three decimals, the means to two and the baseline survivals to four. The ACC/AHA "2013
 * Prevention Guidelines ASCVD Risk Estimator" (its Excel workbook and the online ASCVD Risk Estimator) computes
 * with more decimals: the African-American equations' coefficients to four decimals (e.g. ln age 17.1141 for
 * women instead of 17.114) and, for all four groups, means and baseline survivals to one more decimal (white
 * men: mean 61.1816, S₁₀ 0.91436). Clinicians compare our number with those calculators, and with Table A's
 * print the African-American results differed from them by up to a few tenths of a percentage point. The
 * numbers below are taken from the SMART on FHIR ASCVD Risk Calculator by Cerner (github.com/cerner/
 * ascvd-risk-calculator, {@code app/load_fhir_data.js}, {@code computeTenYearScore}), which uses the estimator's
 * set; the white equations' coefficients are the same in both sets, only their means and baseline survivals
 * have more decimals. Table A's worked example is still reproduced to its printed precision (see the tests).
 *
 * <p>Validated range (the guideline's risk calculator): age 40–79 years, total cholesterol 130–320 mg/dL,
 * HDL cholesterol 20–100 mg/dL, systolic blood pressure 90–200 mmHg; people without clinical ASCVD. Outside
 * these the evaluation is not applicable, with the reason.
 *
 * <p>Categories: 2018 AHA/ACC Guideline on the Management of Blood Cholesterol (Grundy SM et al.,
 * Circulation 2019;139:e1082–e1143) and 2019 ACC/AHA Guideline on the Primary Prevention of Cardiovascular
 * Disease (Arnett DK et al., Circulation 2019;140:e596–e646): &lt; 5 % low, 5 to &lt; 7.5 % borderline,
 * 7.5 to &lt; 20 % intermediate, ≥ 20 % high.
 *
 * <p>Contributions, in ln(hazard): each input's terms (coefficient × ln-transformed value) summed;
 * a term ln(age) × ln(X) is attributed to X, since it is how X's effect changes with age. {@code systolicBp}
 * holds the untreated-SBP terms and {@code bpTreated} the difference the treated-SBP terms make (0 when
 * untreated), so treatment shows as its own effect at the person's pressure. A last entry
 * {@link Contribution#BASELINE} holds minus the group's mean sum, so all contributions add up to the person's
 * ln(hazard ratio) against the average person of the same sex and race group.
 *
 * <p>Known behaviour of the published equations inside the validated range (kept, not "corrected"):
 * the white men's ln(age) × smoker term (−1.795) outweighs the smoking coefficient (7.837) above
 * age e^(7.837/1.795) ≈ 78.7, so a white male smoker of 79 gets a slightly lower estimate than a
 * non-smoker; and for white women with very high total and low HDL cholesterol the estimate can fall
 * with age at the younger end of the range.
 */
public final class PooledCohortEquations implements ClinicalModel {
    static final ModelRef REF = new ModelRef("pce-2013", "1.1.0", "ACC/AHA Pooled Cohort Equations",
            "Goff DC Jr et al. 2013 ACC/AHA Guideline on the Assessment of Cardiovascular Risk. "
                    + "Circulation 2014;129(25 Suppl 2):S49-S73, Table A; coefficients, means and baseline "
                    + "survival to the ACC/AHA ASCVD Risk Estimator's precision");

    static final String UNIT = "%";
    private static final String LN_HAZARD = "ln(hazard)";

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.pce-2013.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.pce-2013.sex"),
            InputSpec.choice("race", List.of("white", "african_american", "other"), "input.pce-2013.race"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "input.pce-2013.totalCholesterol"),
            InputSpec.measured("hdl", Measure.HDL_CHOLESTEROL, "input.pce-2013.hdl"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.pce-2013.systolicBp").as(Concept.SYSTOLIC_BP),
            InputSpec.flag("bpTreated", "input.pce-2013.bpTreated"),
            InputSpec.flag("smoker", "input.pce-2013.smoker").as(Concept.SMOKING),
            InputSpec.flag("diabetes", "input.pce-2013.diabetes"));

    /**
     * One column pair of Table A: the coefficients of one sex/race group (0 where the group's equation has
     * no such term), the group's mean "coefficient × value" sum and its 10-year baseline survival.
     */
    record Coefficients(double lnAge, double lnAgeSquared, double lnTotalCholesterol, double lnAgeLnTotalCholesterol,
                        double lnHdl, double lnAgeLnHdl, double lnTreatedSbp, double lnAgeLnTreatedSbp,
                        double lnUntreatedSbp, double lnAgeLnUntreatedSbp, double smoker, double lnAgeSmoker,
                        double diabetes, double meanSum, double baselineSurvival) { }

    // Table A's equations with the ACC/AHA ASCVD Risk Estimator's numbers (as in cerner/ascvd-risk-calculator,
    // app/load_fhir_data.js). Table A's rounded print, for comparison: white women mean -29.18, S 0.9665;
    // African-American women 17.114 ... 0.874, mean 86.61, S 0.9533; white men mean 61.18, S 0.9144;
    // African-American men mean 19.54, S 0.8954.

    /** White women: Table A coefficients; estimator's mean and baseline survival. */
    static final Coefficients WHITE_FEMALE = new Coefficients(-29.799, 4.884, 13.540, -3.114, -13.578, 3.149,
            2.019, 0, 1.957, 0, 7.574, -1.665, 0.661, -29.1817, 0.96652);
    /** African-American women: the estimator's four-decimal coefficients, mean and baseline survival. */
    static final Coefficients AFRICAN_AMERICAN_FEMALE = new Coefficients(17.1141, 0, 0.9396, 0, -18.9196, 4.4748,
            29.2907, -6.4321, 27.8197, -6.0873, 0.6908, 0, 0.8738, 86.6081, 0.95334);
    /** White men: Table A coefficients; estimator's mean and baseline survival. */
    static final Coefficients WHITE_MALE = new Coefficients(12.344, 0, 11.853, -2.664, -7.990, 1.769,
            1.797, 0, 1.764, 0, 7.837, -1.795, 0.658, 61.1816, 0.91436);
    /** African-American men: Table A coefficients; estimator's mean and baseline survival. */
    static final Coefficients AFRICAN_AMERICAN_MALE = new Coefficients(2.469, 0, 0.302, 0, -0.307, 0,
            1.916, 0, 1.809, 0, 0.549, 0, 0.645, 19.5425, 0.89536);

    private static final double AGE_MIN = 40;
    private static final double AGE_MAX = 79;
    private static final double TC_MIN = 130;
    private static final double TC_MAX = 320;
    private static final double HDL_MIN = 20;
    private static final double HDL_MAX = 100;
    private static final double SBP_MIN = 90;
    private static final double SBP_MAX = 200;

    /**
     * The population the equations were validated on; outside it they are not applicable. The revised equations
     * (Yadlowsky 2018) keep the same population.
     */
    static final List<ValidatedRange> VALIDATED_RANGES = List.of(
            new ValidatedRange("age", "label.age", AGE_MIN, AGE_MAX, "years"),
            new ValidatedRange("totalCholesterol", "label.totalCholesterol", TC_MIN, TC_MAX, "mg/dL"),
            new ValidatedRange("hdl", "label.hdl", HDL_MIN, HDL_MAX, "mg/dL"),
            new ValidatedRange("systolicBp", "label.systolicBp", SBP_MIN, SBP_MAX, "mmHg"));

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
        List<String> missing = in.absent("age", "sex", "race", "totalCholesterol", "hdl", "systolicBp",
                "bpTreated", "smoker", "diabetes");
        List<Text> reasons = new ArrayList<>();
        VALIDATED_RANGES.forEach(range -> range.check(in, reasons));
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        Coefficients c = coefficients(in.choice("sex").get(), in.choice("race").get());
        double lnAge = Math.log(in.number("age").getAsDouble());
        double lnTc = Math.log(in.number("totalCholesterol").getAsDouble());
        double lnHdl = Math.log(in.number("hdl").getAsDouble());
        double lnSbp = Math.log(in.number("systolicBp").getAsDouble());
        boolean treated = in.flag("bpTreated").get();
        double smoker = in.flag("smoker").get() ? 1 : 0;
        double diabetes = in.flag("diabetes").get() ? 1 : 0;

        List<Contribution> terms = new ArrayList<>();
        terms.add(term("age", c.lnAge() * lnAge + c.lnAgeSquared() * lnAge * lnAge));
        terms.add(term("totalCholesterol", c.lnTotalCholesterol() * lnTc + c.lnAgeLnTotalCholesterol() * lnAge * lnTc));
        terms.add(term("hdl", c.lnHdl() * lnHdl + c.lnAgeLnHdl() * lnAge * lnHdl));
        double untreatedSbp = c.lnUntreatedSbp() * lnSbp + c.lnAgeLnUntreatedSbp() * lnAge * lnSbp;
        double treatedSbp = c.lnTreatedSbp() * lnSbp + c.lnAgeLnTreatedSbp() * lnAge * lnSbp;
        terms.add(term("systolicBp", untreatedSbp));
        terms.add(term("bpTreated", treated ? treatedSbp - untreatedSbp : 0));
        terms.add(term("smoker", c.smoker() * smoker + c.lnAgeSmoker() * lnAge * smoker));
        terms.add(term("diabetes", c.diabetes() * diabetes));
        terms.add(term(Contribution.BASELINE, -c.meanSum()));
        double lnHazardRatio = terms.stream().mapToDouble(Contribution::amount).sum();
        double risk = 100 * (1 - Math.pow(c.baselineSurvival(), Math.exp(lnHazardRatio)));
        risk = Math.min(100, Math.max(0, risk));
        return Evaluation.of(REF, risk, UNIT, category(risk), terms);
    }

    /** Table A's group for a person; "other" race uses the white equations, as the guideline advises. */
    static Coefficients coefficients(String sex, String race) {
        boolean africanAmerican = race.equals("african_american");
        if (sex.equals("female")) {
            return africanAmerican ? AFRICAN_AMERICAN_FEMALE : WHITE_FEMALE;
        }
        return africanAmerican ? AFRICAN_AMERICAN_MALE : WHITE_MALE;
    }

    /**
     * 2018 AHA/ACC cholesterol and 2019 ACC/AHA primary prevention guidelines: &lt; 5 % low, 5 to &lt; 7.5 %
     * borderline, 7.5 to &lt; 20 % intermediate, ≥ 20 % high.
     */
    static String category(double riskPercent) {
        if (riskPercent < 5) {
            return "low";
        }
        if (riskPercent < 7.5) {
            return "borderline";
        }
        return riskPercent < 20 ? "intermediate" : "high";
    }

    private static Contribution term(String input, double lnHazard) {
        return new Contribution(input, lnHazard, LN_HAZARD);
    }

}
