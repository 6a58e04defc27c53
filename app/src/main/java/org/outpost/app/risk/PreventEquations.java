package org.outpost.app.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.ValidatedRange;

/**
 * AHA PREVENT equations (Predicting Risk of cardiovascular disease EVENTs), <b>base model, 10-year risk</b>,
 * sex-specific and race-free. One instance per outcome: total cardiovascular disease ({@code prevent-2023},
 * the outcome the AHA calculator leads with), atherosclerotic CVD ({@code prevent-2023-ascvd}) and heart
 * failure ({@code prevent-2023-hf}). Each outcome has its own equation, so the ASCVD and heart-failure
 * risks may add up to more than the total-CVD risk (people can have both).
 *
 * <p>Source: Khan SS, Matsushita K, Sang Y, et al. "Development and Validation of the American Heart
 * Association's Predicting Risk of Cardiovascular Disease EVENTs (PREVENT) Equations." Circulation
 * 2024;149(6):430–449, Supplemental Material, base-model 10-year equations for women and men: a logistic model
 * {@code risk = 1 / (1 + e^−x)} with centred terms — (age − 55)/10; non-HDL cholesterol (mmol/L) − 3.5;
 * (HDL (mmol/L) − 1.3)/0.3; SBP spline (min(SBP, 110) − 110)/20 and (max(SBP, 110) − 130)/20; diabetes;
 * current smoking; BMI spline (min(BMI, 30) − 25)/5 and (max(BMI, 30) − 30)/5 (heart failure only); eGFR
 * spline (min(eGFR, 60) − 60)/−15 and (max(eGFR, 60) − 90)/−15; antihypertensive use; statin use;
 * treated × SBP ≥ 110 and statin × non-HDL interactions; age interactions; constant. Cholesterol is
 * converted with mmol/L = mg/dL × 0.02586, as in the paper.
 *
 * <p>Validated range (the paper's study population and the AHA calculator): age 30–79 years, total
 * cholesterol 130–320 mg/dL, HDL cholesterol 20–100 mg/dL, systolic BP 90–180 mmHg, eGFR 15–140
 * mL/min/1.73 m², BMI 18.5–39.9 kg/m²; people without known cardiovascular disease. All three outcomes
 * need the same inputs (the calculator asks for all of them), although only heart failure uses BMI and
 * heart failure does not use cholesterol or statin.
 *
 * <p>Category (total CVD only): the AHA Presidential Advisory on Cardiovascular-Kidney-Metabolic Health
 * (Ndumele CE et al., Circulation 2023;148:1606–1635) bands 10-year PREVENT total-CVD risk as &lt; 5 % low,
 * 5 to &lt; 7.5 % borderline, 7.5 to &lt; 20 % intermediate, ≥ 20 % high. ASCVD and heart failure have no
 * published bands, so their evaluations carry no category.
 *
 * <p>Contributions, in log-odds: each term's coefficient × centred value, attributed to its input; age
 * interactions go to the other input, treated × SBP to {@code bpTreated} and statin × non-HDL to
 * {@code statin} (so a treatment shows its whole effect at the person's values), non-HDL cholesterol to
 * {@code totalCholesterol}; a last entry {@code constant} holds the intercept, so all contributions add up
 * to the log-odds. At the centring values (55 years, non-HDL 3.5 mmol/L, HDL 1.3 mmol/L, SBP 130 mmHg,
 * BMI 25, eGFR 90, no diabetes, smoking or treatment) every input contributes 0.
 *
 * <p>Shape inside the validated range: risk rises with SBP from 110 mmHg up, but below 110 it rises as SBP
 * falls (the spline's lower piece has a negative coefficient: a J-shape by design); it rises with current
 * smoking at every age. Because of the negative age interactions, risk does not rise with age in every
 * extreme corner of the range (e.g. very low eGFR with diabetes and high non-HDL cholesterol).
 */
public final class PreventEquations implements ClinicalModel {

    /** The outcome a PREVENT equation predicts. */
    public enum Outcome {
        TOTAL_CVD("prevent-2023", "AHA PREVENT 10-year total CVD risk", "total cardiovascular disease"),
        ASCVD("prevent-2023-ascvd", "AHA PREVENT 10-year ASCVD risk", "atherosclerotic cardiovascular disease"),
        HEART_FAILURE("prevent-2023-hf", "AHA PREVENT 10-year heart failure risk", "heart failure");

        private final String id;
        private final String title;
        private final String description;

        Outcome(String id, String title, String description) {
            this.id = id;
            this.title = title;
            this.description = description;
        }

        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One column of the supplement's base-model 10-year coefficients for one sex and outcome; 0 where the
     * outcome's equation has no such term.
     */
    record Coefficients(double age, double nonHdl, double hdl, double sbpBelow110, double sbpFrom110,
                        double diabetes, double smoker, double bmiBelow30, double bmiFrom30, double egfrBelow60,
                        double egfrFrom60, double bpTreated, double statin, double bpTreatedSbpFrom110,
                        double statinNonHdl, double ageNonHdl, double ageHdl, double ageSbpFrom110,
                        double ageDiabetes, double ageSmoker, double ageBmiFrom30, double ageEgfrBelow60,
                        double constant) { }

    // Supplemental Material, base model, 10-year. Order as in the record above.
    static final Coefficients CVD_FEMALE = new Coefficients(0.7939329, 0.0305239, -0.1606857, -0.2394003,
            0.3600781, 0.8667604, 0.5360739, 0, 0, 0.6045917, 0.0433769, 0.3151672, -0.1477655, -0.0663612,
            0.1197879, -0.0819715, 0.0306769, -0.0946348, -0.27057, -0.078715, 0, -0.1637806, -3.307728);
    static final Coefficients CVD_MALE = new Coefficients(0.7688528, 0.0736174, -0.0954431, -0.4347345,
            0.3362658, 0.7692857, 0.4386871, 0, 0, 0.5378979, 0.0164827, 0.288879, -0.1337349, -0.0475924,
            0.150273, -0.0517874, 0.0191169, -0.1049477, -0.2251948, -0.0895067, 0, -0.1543702, -3.031168);
    static final Coefficients ASCVD_FEMALE = new Coefficients(0.719883, 0.1176967, -0.151185, -0.0835358,
            0.3592852, 0.8348585, 0.4831078, 0, 0, 0.4864619, 0.0397779, 0.2265309, -0.0592374, -0.0395762,
            0.0844423, -0.0567839, 0.0325692, -0.1035985, -0.2417542, -0.0791142, 0, -0.1671492, -3.819975);
    static final Coefficients ASCVD_MALE = new Coefficients(0.7099847, 0.1658663, -0.1144285, -0.2837212,
            0.3239977, 0.7189597, 0.3956973, 0, 0, 0.3690075, 0.0203619, 0.2036522, -0.0865581, -0.0322916,
            0.114563, -0.0300005, 0.0232747, -0.0927024, -0.2018525, -0.0970527, 0, -0.1217081, -3.500655);
    static final Coefficients HF_FEMALE = new Coefficients(0.8998235, 0, 0, -0.4559771,
            0.3576505, 1.038346, 0.583916, -0.0072294, 0.2997706, 0.7451638, 0.0557087, 0.3534442, 0, -0.0981511,
            0, 0, 0, -0.0946663, -0.3581041, -0.1159453, -0.003878, -0.1884289, -4.310409);
    static final Coefficients HF_MALE = new Coefficients(0.8972642, 0, 0, -0.6811466,
            0.3634461, 0.923776, 0.5023736, -0.0485841, 0.3726929, 0.6926917, 0.0251827, 0.2980922, 0, -0.0497731,
            0, 0, 0, -0.1289201, -0.3040924, -0.1401688, 0.0068126, -0.1797778, -3.946391);

    /** mg/dL → mmol/L for cholesterol, as printed in the paper's supplement. */
    static final double MMOL_PER_MG = 0.02586;
    static final String UNIT = "%";
    private static final String LOG_ODDS = "log-odds";

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "Age in completed years"),
            InputSpec.choice("sex", List.of("female", "male"), "Sex"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "Total cholesterol"),
            InputSpec.measured("hdl", Measure.HDL_CHOLESTEROL, "HDL cholesterol"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "Systolic blood pressure").as(Concept.SYSTOLIC_BP),
            InputSpec.flag("bpTreated", "On antihypertensive medication"),
            InputSpec.flag("statin", "On a statin").as(Concept.STATIN),
            InputSpec.flag("diabetes", "Diabetes mellitus"),
            InputSpec.flag("smoker", "Current smoker (any cigarette in the last 30 days)").as(Concept.SMOKING),
            InputSpec.number("egfr", "mL/min/1.73m\u00b2", 0, 300, "Estimated glomerular filtration rate"),
            InputSpec.number("bmi", "kg/m\u00b2", 5, 150, "Body mass index"));

    private static final String[] REQUIRED = {"age", "sex", "totalCholesterol", "hdl", "systolicBp", "bpTreated",
        "statin", "diabetes", "smoker", "egfr", "bmi"};

    private final Outcome outcome;
    private final ModelRef ref;

    public PreventEquations(Outcome outcome) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.ref = new ModelRef(outcome.id, "1.0.0", outcome.title,
                "Khan SS et al. Development and Validation of the American Heart Association's PREVENT Equations. "
                        + "Circulation 2024;149(6):430-449, Supplemental Material (base model, 10-year, "
                        + outcome.description + ")");
    }

    /** PREVENT 10-year total CVD risk ({@code prevent-2023}). */
    public static PreventEquations totalCvd() {
        return new PreventEquations(Outcome.TOTAL_CVD);
    }

    /** PREVENT 10-year ASCVD risk ({@code prevent-2023-ascvd}). */
    public static PreventEquations ascvd() {
        return new PreventEquations(Outcome.ASCVD);
    }

    /** PREVENT 10-year heart failure risk ({@code prevent-2023-hf}). */
    public static PreventEquations heartFailure() {
        return new PreventEquations(Outcome.HEART_FAILURE);
    }

    public Outcome outcome() {
        return outcome;
    }

    /** The population the equations were validated on; outside it they are not applicable. */
    private static final List<ValidatedRange> VALIDATED_RANGES = List.of(
            new ValidatedRange("age", "Age", 30, 79, "years"),
            new ValidatedRange("totalCholesterol", "Total cholesterol", 130, 320, "mg/dL"),
            new ValidatedRange("hdl", "HDL cholesterol", 20, 100, "mg/dL"),
            new ValidatedRange("systolicBp", "Systolic blood pressure", 90, 180, "mmHg"),
            new ValidatedRange("egfr", "eGFR", 15, 140, "mL/min/1.73m\u00b2"),
            new ValidatedRange("bmi", "BMI", 18.5, 39.9, "kg/m\u00b2"));

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
        List<String> missing = in.absent(REQUIRED);
        List<String> reasons = new ArrayList<>();
        VALIDATED_RANGES.forEach(range -> range.check(in, reasons));
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicable(ref, missing, reasons);
        }
        Coefficients c = coefficients(outcome, in.choice("sex").get());
        double tc = in.number("totalCholesterol").getAsDouble();
        double hdlMgDl = in.number("hdl").getAsDouble();
        double sbp = in.number("systolicBp").getAsDouble();
        double egfr = in.number("egfr").getAsDouble();
        double bmi = in.number("bmi").getAsDouble();
        double bpTreated = in.flag("bpTreated").get() ? 1 : 0;
        double statin = in.flag("statin").get() ? 1 : 0;
        double diabetes = in.flag("diabetes").get() ? 1 : 0;
        double smoker = in.flag("smoker").get() ? 1 : 0;

        double age = (in.number("age").getAsDouble() - 55) / 10;
        double nonHdl = (tc - hdlMgDl) * MMOL_PER_MG - 3.5;
        double hdl = (hdlMgDl * MMOL_PER_MG - 1.3) / 0.3;
        double sbpBelow110 = (Math.min(sbp, 110) - 110) / 20;
        double sbpFrom110 = (Math.max(sbp, 110) - 130) / 20;
        double bmiBelow30 = (Math.min(bmi, 30) - 25) / 5;
        double bmiFrom30 = (Math.max(bmi, 30) - 30) / 5;
        double egfrBelow60 = (Math.min(egfr, 60) - 60) / -15;
        double egfrFrom60 = (Math.max(egfr, 60) - 90) / -15;

        List<Contribution> terms = new ArrayList<>();
        terms.add(term("age", c.age() * age));
        terms.add(term("totalCholesterol", c.nonHdl() * nonHdl + c.ageNonHdl() * age * nonHdl));
        terms.add(term("hdl", c.hdl() * hdl + c.ageHdl() * age * hdl));
        terms.add(term("systolicBp", c.sbpBelow110() * sbpBelow110 + c.sbpFrom110() * sbpFrom110
                + c.ageSbpFrom110() * age * sbpFrom110));
        terms.add(term("bpTreated", c.bpTreated() * bpTreated + c.bpTreatedSbpFrom110() * bpTreated * sbpFrom110));
        terms.add(term("statin", c.statin() * statin + c.statinNonHdl() * statin * nonHdl));
        terms.add(term("diabetes", c.diabetes() * diabetes + c.ageDiabetes() * age * diabetes));
        terms.add(term("smoker", c.smoker() * smoker + c.ageSmoker() * age * smoker));
        terms.add(term("egfr", c.egfrBelow60() * egfrBelow60 + c.egfrFrom60() * egfrFrom60
                + c.ageEgfrBelow60() * age * egfrBelow60));
        terms.add(term("bmi", c.bmiBelow30() * bmiBelow30 + c.bmiFrom30() * bmiFrom30
                + c.ageBmiFrom30() * age * bmiFrom30));
        terms.add(term(Contribution.BASELINE, c.constant()));
        double logOdds = terms.stream().mapToDouble(Contribution::amount).sum();
        double risk = 100 / (1 + Math.exp(-logOdds));
        risk = Math.min(100, Math.max(0, risk));
        String category = outcome == Outcome.TOTAL_CVD ? category(risk) : null;
        return Evaluation.of(ref, risk, UNIT, category, terms);
    }

    static Coefficients coefficients(Outcome outcome, String sex) {
        boolean female = sex.equals("female");
        return switch (outcome) {
            case TOTAL_CVD -> female ? CVD_FEMALE : CVD_MALE;
            case ASCVD -> female ? ASCVD_FEMALE : ASCVD_MALE;
            case HEART_FAILURE -> female ? HF_FEMALE : HF_MALE;
        };
    }

    /**
     * Ndumele CE et al., Circulation 2023;148:1606–1635 (PREVENT total CVD, 10-year): &lt; 5 % low, 5 to
     * &lt; 7.5 % borderline, 7.5 to &lt; 20 % intermediate, ≥ 20 % high.
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

    private static Contribution term(String input, double logOdds) {
        return new Contribution(input, logOdds, LOG_ODDS);
    }

}
