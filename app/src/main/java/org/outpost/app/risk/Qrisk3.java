package org.outpost.app.risk;

import static org.outpost.app.domain.SmokingStatus.CURRENT;
import static org.outpost.app.domain.SmokingStatus.FORMER;
import static org.outpost.app.domain.SmokingStatus.NEVER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Concept;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.ImputedInput;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.text.Text;

/**
 * QRISK3-2017: 10-year risk of cardiovascular disease (coronary heart disease, ischaemic stroke or TIA) in
 * people aged 25–84 without cardiovascular disease, in the UK.
 *
 * <p>Source: Hippisley-Cox J, Coupland C, Brindle P. "Development and validation of QRISK3 risk
 * prediction algorithms to estimate future risk of cardiovascular disease: prospective cohort study."
 * BMJ 2017;357:j2099, with the coefficients, fractional-polynomial transforms, centring values and
 * baseline survival at 10 years (women 0.988876402378082, men 0.977268040180206) of ClinRisk Ltd's
 * published open-source QRISK3-2017 algorithm (https://qrisk.org, LGPL); only those facts are used here.
 * Risk = 100 × (1 − S0(10)^exp(Σβx)).
 *
 * <p>Transforms (age and BMI divided by 10): women age^−2 and age, men age^−1 and age^3; BMI^−2 and
 * BMI^−2·ln(BMI) for both; every continuous term centred on the derivation mean. Interactions with both
 * age terms: smoking category, atrial fibrillation, corticosteroids, migraine, CKD, SLE (women),
 * erectile dysfunction (men), treated hypertension, type 1 and type 2 diabetes, BMI, family history, SBP
 * and Townsend score.
 *
 * <p>Validated range and input bounds, as in ClinRisk's calculator: age 25–84 in completed years (the
 * algorithm takes whole years, so age is rounded down); BMI 20–40 kg/m² (values outside are clamped to
 * the nearest bound, as the calculator does); cholesterol/HDL ratio 1–11; systolic pressure 70–210 mmHg.
 * Outside the age, ratio or pressure bounds the model says "not applicable". Erectile dysfunction is asked
 * only of men.
 *
 * <p>Missing values, filled as the published algorithm allows and reported as {@link ImputedInput}s (so the screen
 * shows them as estimated, not from the chart):
 * <ul>
 *   <li>ethnicity: the algorithm's "not recorded" category. In ClinRisk's source the ethnicity array starts with
 *       two zero coefficients, index 0 "not recorded" and index 1 "white"; a missing ethnicity therefore counts as
 *       {@code white_or_not_stated} (coefficient 0), exactly as in the algorithm;</li>
 *   <li>BMI, systolic blood pressure and the cholesterol/HDL ratio: the algorithm's own centring value for the
 *       person's sex, i.e. the QResearch derivation mean the equation is centred on (women: SBP 123.13 mmHg, ratio
 *       3.476, BMI 25.4 kg/m² from the centred term (BMI/10)^−2 = 0.154946; men: 128.57 mmHg, 4.301, 25.9 kg/m² from
 *       0.149176), so a missing value moves the estimate neither up nor down. The open-source algorithm itself
 *       takes every value and does not impute; ClinRisk's web calculator accepts these three blank and estimates
 *       them, but the way it estimates them is not part of the published code, so Outpost uses the published
 *       centring values and says so on the screen;</li>
 *   <li>the Townsend deprivation score: 0 (close to the derivation means, 0.392 for women and 0.526 for men),
 *       as the calculator assumes when no postcode is given.</li>
 * </ul>
 * The standard deviation of systolic readings and every yes/no condition must still be given.
 *
 * <p>Category: NICE NG238 (2023) threshold for offering a statin in primary prevention, a 10-year QRISK3
 * risk of 10 % or more: "high" at or above 10 %, "low" below.
 */
public final class Qrisk3 implements ClinicalModel {
    static final ModelRef REF = new ModelRef("qrisk3-2017", "1.1.0", "QRISK3",
            "Hippisley-Cox J, Coupland C, Brindle P. BMJ 2017;357:j2099; ClinRisk QRISK3-2017 open-source algorithm");

    static final String UNIT = "ln(hazard)";
    static final List<String> ETHNICITIES = List.of("white_or_not_stated", "indian", "pakistani", "bangladeshi",
            "other_asian", "black_caribbean", "black_african", "chinese", "other");
    static final List<String> SMOKING = List.of("non", "ex", "light", "moderate", "heavy");
    static final List<String> DIABETES = List.of("none", "type1", "type2");

    static final double MIN_AGE = 25;
    static final double MAX_AGE_EXCLUSIVE = 85;
    static final double MIN_BMI = 20;
    static final double MAX_BMI = 40;
    static final double MIN_RATIO = 1;
    static final double MAX_RATIO = 11;
    static final double MIN_SBP = 70;
    static final double MAX_SBP = 210;

    /** Binary predictors in the algorithm's order; each has a main effect and two age interactions. */
    enum Condition {
        ATRIAL_FIBRILLATION("atrialFibrillation"), ATYPICAL_ANTIPSYCHOTIC("atypicalAntipsychotic"),
        STEROID_TABLETS("steroidTablets"), ERECTILE_DYSFUNCTION("erectileDysfunction"), MIGRAINE("migraine"),
        RHEUMATOID_ARTHRITIS("rheumatoidArthritis"), CKD("chronicKidneyDisease"), SEVERE_MENTAL_ILLNESS("severeMentalIllness"),
        SLE("sle"), BP_TREATMENT("bpTreatment"), FAMILY_HISTORY("familyHistoryChd");

        final String input;

        Condition(String input) {
            this.input = input;
        }
    }

    /**
     * One sex's equation. Arrays of conditions follow {@link Condition}'s order; smoking arrays follow
     * {@link #SMOKING}; diabetes arrays are {type1, type2}.
     */
    record Equation(double survival10y, DoubleUnaryOperator age1, DoubleUnaryOperator age2, double[] ethnicity,
                    double[] smoking, double[] centre, double[] continuous, double[] condition, double[] diabetes,
                    double[] age1Smoking, double[] age1Condition, double[] age1Diabetes, double[] age1Continuous,
                    double[] age2Smoking, double[] age2Condition, double[] age2Diabetes, double[] age2Continuous) { }

    // Continuous terms, in this order in centre[] and continuous[]: age_1, age_2, bmi_1, bmi_2, ratio, sbp,
    // sbpSd, townsend. The age interactions with continuous terms, in age1Continuous[]/age2Continuous[]:
    // bmi_1, bmi_2, sbp, townsend.
    static final Equation WOMEN = new Equation(0.988876402378082,
            a -> Math.pow(a, -2), a -> a,
            new double[] {0, 0.2804031433299542500, 0.5629899414207539800, 0.2959000085111651600, 0.0727853798779825450,
                -0.1707213550885731700, -0.3937104331487497100, -0.3263249528353027200, -0.1712705688324178400},
            new double[] {0, 0.1338683378654626200, 0.5620085801243853700, 0.6674959337750254700, 0.8494817764483084700},
            new double[] {0.053274843841791, 4.332503318786621, 0.154946178197861, 0.144462317228317, 3.476326465606690,
                123.130012512207030, 9.002537727355957, 0.392308831214905},
            new double[] {-8.1388109247726188, 0.79733376689699098, 0.29236092275460052, -4.1513300213837665,
                0.15338035820802554, 0.013131488407103424, 0.0078894541014586095, 0.077223790588590108},
            new double[] {1.5923354969269663, 0.25237642070115557, 0.59520725304601851, 0, 0.301267260870345,
                0.21364803435181942, 0.65194569493845833, 0.12555308058820178, 0.75880938654267693, 0.50931593683423004,
                0.45445319020896213},
            new double[] {1.7267977510537347, 1.0688773244615468},
            new double[] {0, -4.7057161785851891, -2.7430383403573337, -0.86608088829392182, 0.90241562369710648},
            new double[] {19.938034889546561, 0, -0.98408045235936281, 0, 1.7634979587872999, 0, -3.5874047731694114,
                0, 19.690303738638292, 11.872809733921812, 0.99467807940435127},
            new double[] {-1.2444332714320747, 6.8652342000009599},
            new double[] {23.802623412141742, -71.184947692087007, 0.034131842338615485, -1.0301180802035639},
            new double[] {0, -0.075589244643193026, -0.11951192874867074, -0.10366306397571923, -0.13991853591718389},
            new double[] {-0.076182651011162505, 0, -0.12005364946742472, 0, -0.065586917898699859, 0,
                -0.22688873086442507, 0, 0.077347949679016273, 0.00096857823588174436, -0.076885051698423038},
            new double[] {-0.28724064624488949, -0.097112252590695489},
            new double[] {0.52369958933664429, 0.045744190122323759, -0.0015082501423272358, -0.031593414674962329});

    static final Equation MEN = new Equation(0.977268040180206,
            a -> 1 / a, a -> a * a * a,
            new double[] {0, 0.2771924876030827900, 0.4744636071493126800, 0.5296172991968937100, 0.0351001591862990170,
                -0.3580789966932791900, -0.4005648523216514000, -0.4152279288983017300, -0.2632134813474996700},
            new double[] {0, 0.1912822286338898300, 0.5524158819264555200, 0.6383505302750607200, 0.7898381988185801900},
            new double[] {0.234766781330109, 77.284080505371094, 0.149176135659218, 0.141913309693336, 4.300998687744141,
                128.571578979492190, 8.756621360778809, 0.526304900646210},
            new double[] {-17.839781666005575, 0.0022964880605765492, 2.4562776660536358, -8.3011122314711354,
                0.17340196856327111, 0.012910126542553305, 0.010251914291290456, 0.033268201277287295},
            new double[] {0.88209236928054657, 0.13046879855173513, 0.45485399750445543, 0.22251859086705383,
                0.25584178074159913, 0.20970658013956567, 0.71853261288274384, 0.12133039882047164, 0.4401572174457522,
                0.51659871082695474, 0.54055469009390156},
            new double[] {1.2343425521675175, 0.85942071430932221},
            new double[] {0, -0.21011133933516346, 0.75268676447503191, 0.99315887556405791, 2.1331163414389076},
            new double[] {3.4896675530623207, 0, 1.1708133653489108, -1.506400985745431, 2.3491159871402441, 0,
                -0.50656716327223694, 0, 0, 6.5114581098532671, 2.7808628508531887},
            new double[] {5.3379864878006531, 3.6461817406221311},
            new double[] {31.004952956033886, -111.29157184391643, 0.018858524469865853, -0.1007554870063731},
            new double[] {0, -0.00049854870275326121, -0.00079875633317385414, -0.00083706184266251296,
                -0.00078400319155637289},
            new double[] {-0.00034995608340636049, 0, -0.0002496045095297166, -0.0011058218441227373,
                0.00019896446041478631, 0, -0.0018325930166498813, 0, 0, 0.00063838053104165013, -0.00024791809907396037},
            new double[] {0.00064097808087528970, -0.00024695695588868315},
            new double[] {0.0050380102356322029, -0.013074483002524319, -0.00001271874191588457,
                -0.000093299642323272888});

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.qrisk3.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.qrisk3.sex"),
            InputSpec.choice("ethnicity", ETHNICITIES, "input.qrisk3.ethnicity"),
            InputSpec.number("townsend", "index", -10, 20, "input.qrisk3.townsend"),
            InputSpec.number("bmi", "kg/m\u00b2", 5, 100, "input.qrisk3.bmi"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.qrisk3.systolicBp").as(Concept.SYSTOLIC_BP),
            InputSpec.number("sbpSd", "mmHg", 0, 100, "input.qrisk3.sbpSd"),
            InputSpec.number("cholesterolHdlRatio", "ratio", 0.5, 50, "input.qrisk3.cholesterolHdlRatio"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "input.qrisk3.totalCholesterol"),
            InputSpec.measured("hdl", Measure.HDL_CHOLESTEROL, "input.qrisk3.hdl"),
            InputSpec.choice("smoking", SMOKING, "input.qrisk3.smoking")
                    .as(Concept.smoking(Map.of("non", NEVER, "ex", FORMER, "light", CURRENT, "moderate", CURRENT,
                            "heavy", CURRENT), Map.of("light", new Concept.PerDay(1, 9),
                            "moderate", new Concept.PerDay(10, 19), "heavy", new Concept.PerDay(20, Integer.MAX_VALUE)))),
            InputSpec.choice("diabetes", DIABETES, "input.qrisk3.diabetes")
                    .as(Concept.diabetesType("none", "type1", "type2")),
            InputSpec.flag("familyHistoryChd", "input.qrisk3.familyHistoryChd"),
            InputSpec.flag("chronicKidneyDisease", "input.qrisk3.chronicKidneyDisease")
                    .as(Concept.problem(ClinicalProblem.CHRONIC_KIDNEY_DISEASE)),
            InputSpec.flag("atrialFibrillation", "input.qrisk3.atrialFibrillation").as(Concept.problem(ClinicalProblem.ATRIAL_FIBRILLATION)),
            InputSpec.flag("bpTreatment", "input.qrisk3.bpTreatment"),
            InputSpec.flag("migraine", "input.qrisk3.migraine").as(Concept.problem(ClinicalProblem.MIGRAINE)),
            InputSpec.flag("rheumatoidArthritis", "input.qrisk3.rheumatoidArthritis")
                    .as(Concept.problem(ClinicalProblem.RHEUMATOID_ARTHRITIS)),
            InputSpec.flag("sle", "input.qrisk3.sle")
                    .as(Concept.problem(ClinicalProblem.SYSTEMIC_LUPUS_ERYTHEMATOSUS)),
            InputSpec.flag("severeMentalIllness", "input.qrisk3.severeMentalIllness")
                    .as(Concept.problem(ClinicalProblem.SEVERE_MENTAL_ILLNESS)),
            InputSpec.flag("atypicalAntipsychotic", "input.qrisk3.atypicalAntipsychotic")
                    .as(Concept.takes(false, "atypical-antipsychotic")),
            InputSpec.flag("steroidTablets", "input.qrisk3.steroidTablets").as(Concept.takes(true, "systemic-corticosteroid")),
            InputSpec.flag("erectileDysfunction", "input.qrisk3.erectileDysfunction")
                    .as(Concept.problem(ClinicalProblem.ERECTILE_DYSFUNCTION)));

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
        List<String> missing = new ArrayList<>(in.absent("age", "sex", "sbpSd"));
        missing.addAll(in.absent("smoking", "diabetes", "familyHistoryChd", "chronicKidneyDisease",
                "atrialFibrillation", "bpTreatment", "migraine", "rheumatoidArthritis", "sle", "severeMentalIllness",
                "atypicalAntipsychotic", "steroidTablets"));
        boolean male = in.choice("sex").map("male"::equals).orElse(false);
        if (male && !in.has("erectileDysfunction")) {
            missing.add("erectileDysfunction");
        }
        List<Text> reasons = new ArrayList<>();
        double age = Math.floor(in.number("age").orElse(Double.NaN));
        if (age < MIN_AGE || age >= MAX_AGE_EXCLUSIVE) {
            reasons.add(Text.of("reason.qrisk3.age"));
        }
        OptionalDouble givenRatio = ratio(in);
        givenRatio.ifPresent(r -> {
            if (r < MIN_RATIO || r > MAX_RATIO) {
                reasons.add(Text.of("reason.qrisk3.cholesterolHdlRatio"));
            }
        });
        in.number("systolicBp").ifPresent(sbp -> {
            if (sbp < MIN_SBP || sbp > MAX_SBP) {
                reasons.add(Text.of("reason.qrisk3.systolicBp"));
            }
        });
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        Equation eq = male ? MEN : WOMEN;
        String group = male ? "men" : "women";
        double[] centre = eq.centre();
        List<ImputedInput> imputed = new ArrayList<>();
        String ethnicity = in.choice("ethnicity").orElseGet(() -> {
            imputed.add(new ImputedInput("ethnicity", ETHNICITIES.getFirst(),
                    "QRISK3 'not recorded' ethnicity (coefficient 0, as for white)"));
            return ETHNICITIES.getFirst();
        });
        double townsend = in.number("townsend").orElseGet(() -> {
            imputed.add(new ImputedInput("townsend", 0.0, "Townsend score 0, as the QRISK3 calculator assumes"));
            return 0;
        });
        double givenBmi = in.number("bmi").orElseGet(() -> {
            double mean = 10 / Math.sqrt(centre[2]);
            imputed.add(new ImputedInput("bmi", mean, "QRISK3 derivation mean for " + group));
            return mean;
        });
        double sbp = in.number("systolicBp").orElseGet(() -> {
            imputed.add(new ImputedInput("systolicBp", centre[5], "QRISK3 derivation mean for " + group));
            return centre[5];
        });
        double r = givenRatio.orElseGet(() -> {
            imputed.add(new ImputedInput("cholesterolHdlRatio", centre[4], "QRISK3 derivation mean for " + group));
            return centre[4];
        });
        double bmi = Math.min(MAX_BMI, Math.max(MIN_BMI, givenBmi));
        List<Contribution> contributions = contributions(eq, in, age, ethnicity, townsend, bmi, r, sbp, male);
        double lp = contributions.stream().mapToDouble(Contribution::amount).sum();
        double risk = Math.min(100, Math.max(0, 100 * (1 - Math.pow(eq.survival10y(), Math.exp(lp)))));
        return Evaluation.of(REF, risk, "%", category(risk), contributions).withImputed(imputed);
    }

    private static OptionalDouble ratio(ModelInputs in) {
        if (in.has("cholesterolHdlRatio")) {
            return in.number("cholesterolHdlRatio");
        }
        if (in.has("totalCholesterol") && in.has("hdl") && in.number("hdl").getAsDouble() > 0) {
            return OptionalDouble.of(in.number("totalCholesterol").getAsDouble() / in.number("hdl").getAsDouble());
        }
        return OptionalDouble.empty();
    }

    /** Each input's share of the linear predictor; an age interaction goes to the factor it modifies. */
    private static List<Contribution> contributions(Equation eq, ModelInputs in, double age, String ethnicity,
                                                    double townsend, double bmi, double ratio, double sbp,
                                                    boolean male) {
        double[] c = eq.centre();
        double[] b = eq.continuous();
        double a1 = eq.age1().applyAsDouble(age / 10) - c[0];
        double a2 = eq.age2().applyAsDouble(age / 10) - c[1];
        double dbmi = bmi / 10;
        double bmi1 = Math.pow(dbmi, -2) - c[2];
        double bmi2 = Math.pow(dbmi, -2) * Math.log(dbmi) - c[3];
        double ratioC = ratio - c[4];
        double sbpC = sbp - c[5];
        double sbpSdC = in.number("sbpSd").getAsDouble() - c[6];
        double townC = townsend - c[7];
        double[] i1 = eq.age1Continuous();
        double[] i2 = eq.age2Continuous();

        List<Contribution> out = new ArrayList<>();
        add(out, "age", a1 * b[0] + a2 * b[1]);
        add(out, "ethnicity", eq.ethnicity()[ETHNICITIES.indexOf(ethnicity)]);
        add(out, "townsend", townC * (b[7] + a1 * i1[3] + a2 * i2[3]));
        add(out, "bmi", bmi1 * (b[2] + a1 * i1[0] + a2 * i2[0]) + bmi2 * (b[3] + a1 * i1[1] + a2 * i2[1]));
        add(out, "systolicBp", sbpC * (b[5] + a1 * i1[2] + a2 * i2[2]));
        add(out, "sbpSd", sbpSdC * b[6]);
        add(out, "cholesterolHdlRatio", ratioC * b[4]);
        int smoke = SMOKING.indexOf(in.choice("smoking").get());
        add(out, "smoking", eq.smoking()[smoke] + a1 * eq.age1Smoking()[smoke] + a2 * eq.age2Smoking()[smoke]);
        int diabetes = DIABETES.indexOf(in.choice("diabetes").get()) - 1;
        add(out, "diabetes", diabetes < 0 ? 0
                : eq.diabetes()[diabetes] + a1 * eq.age1Diabetes()[diabetes] + a2 * eq.age2Diabetes()[diabetes]);
        for (Condition k : Condition.values()) {
            if (k == Condition.ERECTILE_DYSFUNCTION && !male) {
                continue;
            }
            int i = k.ordinal();
            double present = in.flag(k.input).get() ? 1 : 0;
            add(out, k.input, present * (eq.condition()[i] + a1 * eq.age1Condition()[i] + a2 * eq.age2Condition()[i]));
        }
        return out;
    }

    private static void add(List<Contribution> out, String input, double amount) {
        out.add(new Contribution(input, amount, UNIT));
    }

    /** NICE NG238: statin offered for primary prevention at a 10-year QRISK3 risk of 10 % or more. */
    static String category(double riskPercent) {
        return riskPercent < 10 ? "low" : "high";
    }
}
