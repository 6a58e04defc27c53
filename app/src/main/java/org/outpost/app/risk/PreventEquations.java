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
import org.outpost.app.text.Text;

/**
 * AHA PREVENT equations (Predicting Risk of cardiovascular disease EVENTs): 10- and 30-year risk, sex-specific and
 * race-free, from the <b>base model</b> or, when HbA1c, urine albumin-to-creatinine ratio (UACR) or the Social
 * Deprivation Index (SDI) is given, the <b>full model</b>. One instance per outcome and horizon: total
 * cardiovascular disease ({@code prevent-2023}, the outcome the AHA calculator leads with), atherosclerotic CVD
 * ({@code prevent-2023-ascvd}) and heart failure ({@code prevent-2023-hf}) over 10 years, and the same three over 30
 * years ({@code prevent-2023-30y}, {@code prevent-2023-ascvd-30y}, {@code prevent-2023-hf-30y}). Each outcome has its
 * own equation, so the ASCVD and heart-failure risks may add up to more than the total-CVD risk.
 *
 * <p>Source: Khan SS, Matsushita K, Sang Y, et al. "Development and Validation of the American Heart
 * Association's Predicting Risk of Cardiovascular Disease EVENTs (PREVENT) Equations." Circulation
 * 2024;149(6):430–449, Supplemental Table S12 (the logistic equations the AHA calculator implements): base and
 * full models, 10- and 30-year, for women and men. {@code risk = 1 / (1 + e^−x)} with centred terms — (age −
 * 55)/10 (and its square in the 30-year equations); non-HDL cholesterol (mmol/L) − 3.5; (HDL (mmol/L) − 1.3)/0.3;
 * SBP spline (min(SBP, 110) − 110)/20 and (max(SBP, 110) − 130)/20; diabetes; current smoking; BMI spline (min(BMI,
 * 30) − 25)/5 and (max(BMI, 30) − 30)/5 (heart failure only); eGFR spline (min(eGFR, 60) − 60)/−15 and (max(eGFR,
 * 60) − 90)/−15; antihypertensive use; statin use; treated × SBP ≥ 110 and statin × non-HDL interactions; age
 * interactions; constant. Cholesterol is converted with mmol/L = mg/dL × 0.02586, as in the paper.
 *
 * <p><b>Full model</b> (same supplement table): the base terms refit, plus SDI tertile (decile 4–6, 7–10; 1–3 is
 * the reference), ln(UACR in mg/g), and HbA1c − 5.3 % with separate slopes with and without diabetes. Each add-on
 * that is not given contributes its own missing-indicator coefficient instead, so the full model runs with any
 * subset of the three. As in the AHA's own implementation of the calculator (the AHAprevent package,
 * {@code pred_risk_full}), the full model is used as soon as any of the three is given and the base model when
 * none is; UACR below 0.1 mg/g is taken as 0.1. The coefficients were transcribed from the supplement by open
 * implementations: base 10-year as in the Stata module prevent (A. Linden 2024, prevent10i.ado), base 30-year as in
 * prevent30i.ado, and the full model as tabulated, with the base tables, from preventr's data (M. Mayer, read from
 * the supplement's Excel file) in open JavaScript and Python ports; the tests reproduce Supplemental Table S12's
 * worked example (base and full, ASCVD 10-year) and preventr's published base-model results at 10 and 30 years.
 *
 * <p>Validated range (the paper's study population and the AHA calculator): age 30–79 years for 10-year and 30–59
 * years for 30-year risk, total cholesterol 130–320 mg/dL, HDL cholesterol 20–100 mg/dL, systolic BP 90–180 mmHg,
 * eGFR 15–140 mL/min/1.73 m², BMI 18.5–39.9 kg/m²; when given, HbA1c 4.5–15 %, UACR up to 25,000 mg/g, SDI a decile
 * 1–10; people without known cardiovascular disease. All outcomes need the same required inputs (the
 * calculator asks for all of them), although only heart failure uses BMI and heart failure does not use
 * cholesterol or statin.
 *
 * <p>Category (10-year total CVD only): the AHA Presidential Advisory on Cardiovascular-Kidney-Metabolic Health
 * (Ndumele CE et al., Circulation 2023;148:1606–1635) bands 10-year PREVENT total-CVD risk as &lt; 5 % low, 5 to
 * &lt; 7.5 % borderline, 7.5 to &lt; 20 % intermediate, ≥ 20 % high. Other outcomes and the 30-year horizon have no
 * published bands, so their evaluations carry no category.
 *
 * <p>Contributions, in log-odds: each term's coefficient × centred value, attributed to its input; age
 * interactions (and age squared) go to the other input or to age, treated × SBP to {@code bpTreated} and statin ×
 * non-HDL to {@code statin} (so a treatment shows its whole effect at the person's values), non-HDL cholesterol to
 * {@code totalCholesterol}; with the full model, {@code hba1c}, {@code uacr} and {@code sdi} carry their terms (or
 * their missing-indicator coefficients when not given); a last entry {@code baseline} holds the constant, so all
 * contributions add up to the log-odds. At the centring values (55 years, non-HDL 3.5 mmol/L, HDL 1.3 mmol/L, SBP
 * 130 mmHg, BMI 25, eGFR 90, no diabetes, smoking or treatment; HbA1c 5.3 %, UACR 1 mg/g, SDI decile 1–3) every
 * input contributes 0.
 *
 * <p>Shape inside the validated range: risk rises with SBP from 110 mmHg up, but below 110 it rises as SBP falls
 * (the spline's lower piece has a negative coefficient: a J-shape by design); it rises with current smoking at
 * every age. Because of the negative age interactions, risk does not rise with age in every extreme corner of the
 * range (e.g. very low eGFR with diabetes and high non-HDL cholesterol).
 */
public final class PreventEquations implements ClinicalModel {

    /** The outcome a PREVENT equation predicts. */
    public enum Outcome {
        TOTAL_CVD("prevent-2023", "total CVD", "total cardiovascular disease"),
        ASCVD("prevent-2023-ascvd", "ASCVD", "atherosclerotic cardiovascular disease"),
        HEART_FAILURE("prevent-2023-hf", "heart failure", "heart failure");

        private final String id;
        private final String shortName;
        private final String description;

        Outcome(String id, String shortName, String description) {
            this.id = id;
            this.shortName = shortName;
            this.description = description;
        }

        /** The id of this outcome's 10-year model; the 30-year model's id adds {@code -30y}. */
        public String id() {
            return id;
        }

        public String description() {
            return description;
        }
    }

    /** How far ahead the risk is estimated. */
    public enum Horizon {
        TEN_YEARS(10, "", 79),
        THIRTY_YEARS(30, "-30y", 59);

        private final int years;
        private final String idSuffix;
        private final double maxAge;

        Horizon(int years, String idSuffix, double maxAge) {
            this.years = years;
            this.idSuffix = idSuffix;
            this.maxAge = maxAge;
        }

        public int years() {
            return years;
        }
    }

    /**
     * One column of Supplemental Table S12's core terms for one sex, outcome, horizon and model; 0 where the
     * equation has no such term ({@code ageSquared} is in the 30-year equations only).
     */
    record Coefficients(double age, double ageSquared, double nonHdl, double hdl, double sbpBelow110,
                        double sbpFrom110, double diabetes, double smoker, double bmiBelow30, double bmiFrom30,
                        double egfrBelow60, double egfrFrom60, double bpTreated, double statin,
                        double bpTreatedSbpFrom110, double statinNonHdl, double ageNonHdl, double ageHdl,
                        double ageSbpFrom110, double ageDiabetes, double ageSmoker, double ageBmiFrom30,
                        double ageEgfrBelow60, double constant) { }

    /** The full model's add-on terms, each with the coefficient used when the value is missing. */
    record AddOns(double sdiDecile4To6, double sdiDecile7To10, double sdiMissing, double lnUacr, double uacrMissing,
                  double hba1cWithDiabetes, double hba1cWithoutDiabetes, double hba1cMissing) { }

    /** One equation: its core terms, and the add-ons for a full-model equation (null for the base model). */
    record Equation(Coefficients core, AddOns addOns) {
        static Equation base(Coefficients core) {
            return new Equation(core, null);
        }

        boolean full() {
            return addOns != null;
        }
    }

    // Base model, 10-year (Supplemental Table S12).
    static final Equation CVD_FEMALE = Equation.base(new Coefficients(0.7939329, 0, 0.0305239, -0.1606857, -0.2394003,
            0.3600781, 0.8667604, 0.5360739, 0, 0, 0.6045917, 0.0433769, 0.3151672, -0.1477655, -0.0663612, 0.1197879,
            -0.0819715, 0.0306769, -0.0946348, -0.27057, -0.078715, 0, -0.1637806, -3.307728));
    static final Equation ASCVD_FEMALE = Equation.base(new Coefficients(0.719883, 0, 0.1176967, -0.151185, -0.0835358,
            0.3592852, 0.8348585, 0.4831078, 0, 0, 0.4864619, 0.0397779, 0.2265309, -0.0592374, -0.0395762, 0.0844423,
            -0.0567839, 0.0325692, -0.1035985, -0.2417542, -0.0791142, 0, -0.1671492, -3.819975));
    static final Equation HF_FEMALE = Equation.base(new Coefficients(0.8998235, 0, 0, 0, -0.4559771, 0.3576505,
            1.038346, 0.583916, -0.0072294, 0.2997706, 0.7451638, 0.0557087, 0.3534442, 0, -0.0981511, 0, 0, 0,
            -0.0946663, -0.3581041, -0.1159453, -0.003878, -0.1884289, -4.310409));
    static final Equation CVD_MALE = Equation.base(new Coefficients(0.7688528, 0, 0.0736174, -0.0954431, -0.4347345,
            0.3362658, 0.7692857, 0.4386871, 0, 0, 0.5378979, 0.0164827, 0.288879, -0.1337349, -0.0475924, 0.150273,
            -0.0517874, 0.0191169, -0.1049477, -0.2251948, -0.0895067, 0, -0.1543702, -3.031168));
    static final Equation ASCVD_MALE = Equation.base(new Coefficients(0.7099847, 0, 0.1658663, -0.1144285, -0.2837212,
            0.3239977, 0.7189597, 0.3956973, 0, 0, 0.3690075, 0.0203619, 0.2036522, -0.0865581, -0.0322916, 0.114563,
            -0.0300005, 0.0232747, -0.0927024, -0.2018525, -0.0970527, 0, -0.1217081, -3.500655));
    static final Equation HF_MALE = Equation.base(new Coefficients(0.8972642, 0, 0, 0, -0.6811466, 0.3634461,
            0.923776, 0.5023736, -0.0485841, 0.3726929, 0.6926917, 0.0251827, 0.2980922, 0, -0.0497731, 0, 0, 0,
            -0.1289201, -0.3040924, -0.1401688, 0.0068126, -0.1797778, -3.946391));
    // Base model, 30-year (Supplemental Table S12).
    static final Equation CVD_FEMALE_30 = Equation.base(new Coefficients(0.5503079, -0.0928369, 0.0409794, -0.1663306,
            -0.1628654, 0.3299505, 0.6793894, 0.3196112, 0, 0, 0.1857101, 0.0553528, 0.2894, -0.075688, -0.056367,
            0.1071019, -0.0751438, 0.0301786, -0.0998776, -0.3206166, -0.1607862, 0, -0.1450788, -1.318827));
    static final Equation ASCVD_FEMALE_30 = Equation.base(new Coefficients(0.4669202, -0.0893118, 0.1256901,
            -0.1542255, -0.0018093, 0.322949, 0.6296707, 0.268292, 0, 0, 0.100106, 0.0499663, 0.1875292, 0.0152476,
            -0.0276123, 0.0736147, -0.0521962, 0.0316918, -0.1046101, -0.2727793, -0.1530907, 0, -0.1299149, -1.974074));
    static final Equation HF_FEMALE_30 = Equation.base(new Coefficients(0.6254374, -0.0983038, 0, 0, -0.3919241,
            0.3142295, 0.8330787, 0.3438651, 0.0594874, 0.2525536, 0.2981642, 0.0667159, 0.333921, 0, -0.0893177, 0,
            0, 0, -0.0974299, -0.404855, -0.1982991, -0.0035619, -0.1564215, -2.205379));
    static final Equation CVD_MALE_30 = Equation.base(new Coefficients(0.4627309, -0.0984281, 0.0836088, -0.1029824,
            -0.2140352, 0.2904325, 0.5331276, 0.2141914, 0, 0, 0.1155556, 0.0603775, 0.232714, -0.0272112, -0.0384488,
            0.134192, -0.0511759, 0.0165865, -0.1101437, -0.2585943, -0.1566406, 0, -0.1166776, -1.148204));
    static final Equation ASCVD_MALE_30 = Equation.base(new Coefficients(0.3994099, -0.0937484, 0.1744643, -0.120203,
            -0.0665117, 0.2753037, 0.4790257, 0.1782635, 0, 0, -0.0218789, 0.0602553, 0.1421182, 0.0135996,
            -0.0218265, 0.1013148, -0.0312619, 0.020673, -0.0920935, -0.2159947, -0.1548811, 0, -0.0712547, -1.736444));
    static final Equation HF_MALE_30 = Equation.base(new Coefficients(0.5681541, -0.1048388, 0, 0, -0.4761564,
            0.30324, 0.6840338, 0.2656273, 0.0833107, 0.26999, 0.2541805, 0.0638923, 0.2583631, 0, -0.0391938, 0, 0,
            0, -0.1269124, -0.3273572, -0.2043019, -0.0182831, -0.1342618, -1.95751));
    // Full model, 10-year (Supplemental Table S12).
    static final Equation FULL_CVD_FEMALE = new Equation(new Coefficients(0.7716794, 0, 0.0062109, -0.1547756,
            -0.1933123, 0.3071217, 0.496753, 0.466605, 0, 0, 0.4780697, 0.0529077, 0.3034892, -0.1556524, -0.0667026,
            0.1061825, -0.0742271, 0.0288245, -0.0875188, -0.2267102, -0.0676125, 0, -0.1493231, -3.860385),
            new AddOns(0.1361989, 0.2261596, 0.1804508, 0.1645922, 0.0198413, 0.1298513, 0.1412555, -0.0031658));
    static final Equation FULL_ASCVD_FEMALE = new Equation(new Coefficients(0.7023067, 0, 0.0898765, -0.1407316,
            -0.0256648, 0.314511, 0.4799217, 0.4062049, 0, 0, 0.3847744, 0.0495174, 0.2133861, -0.0678552, -0.0451416,
            0.0788187, -0.0535985, 0.0291762, -0.0961839, -0.2001466, -0.0586472, 0, -0.1537791, -4.291503),
            new AddOns(0.1413965, 0.228136, 0.1588908, 0.1371824, 0.0061613, 0.123192, 0.1410572, 0.005866));
    static final Equation FULL_HF_FEMALE = new Equation(new Coefficients(0.884209, 0, 0, 0, -0.421474, 0.3002919,
            0.6170359, 0.5380269, -0.0191335, 0.2764302, 0.5975847, 0.0654197, 0.3313614, 0, -0.1002304, 0, 0, 0,
            -0.0845363, -0.2989062, -0.1111354, 0.0008104, -0.1666635, -4.896524),
            new AddOns(0.1213034, 0.2314147, 0.1819138, 0.1948135, 0.0395368, 0.176668, 0.1614911, -0.0010583));
    static final Equation FULL_CVD_MALE = new Equation(new Coefficients(0.7847578, 0, 0.0534485, -0.0911282,
            -0.4921973, 0.2972415, 0.4527054, 0.3726641, 0, 0, 0.3886854, 0.0081661, 0.2508052, -0.1538484,
            -0.0474695, 0.1415382, -0.0436455, 0.0199549, -0.1022686, -0.1762507, -0.0715873, 0, -0.1428668, -3.631387),
            new AddOns(0.0802431, 0.275073, 0.144759, 0.1772853, 0.1095674, 0.1165698, 0.1048297, -0.0230072));
    static final Equation FULL_ASCVD_MALE = new Equation(new Coefficients(0.7128741, 0, 0.1465201, -0.1125794,
            -0.3387216, 0.2980252, 0.399583, 0.3379111, 0, 0, 0.2582604, 0.0147769, 0.1686621, -0.1073619, -0.0381038,
            0.1034169, -0.0228755, 0.0267453, -0.0897449, -0.1497464, -0.077206, 0, -0.1198368, -3.969788),
            new AddOns(0.0651121, 0.2676683, 0.1388492, 0.1375837, 0.0652944, 0.101282, 0.1092726, -0.0112852));
    static final Equation FULL_HF_MALE = new Equation(new Coefficients(0.9095703, 0, 0, 0, -0.6765184, 0.3111651,
            0.5535052, 0.4326811, -0.0854286, 0.3551736, 0.5102245, 0.015472, 0.2570964, 0, -0.0591177, 0, 0, 0,
            -0.1219056, -0.2437577, -0.105363, 0.0037907, -0.1660207, -4.663513),
            new AddOns(0.1106372, 0.3371204, 0.1694628, 0.2164607, 0.1702805, 0.148297, 0.1234088, -0.0234637));
    // Full model, 30-year (Supplemental Table S12).
    static final Equation FULL_CVD_FEMALE_30 = new Equation(new Coefficients(0.5073749, -0.0981751, 0.0162303,
            -0.1617147, -0.1111241, 0.282946, 0.4004069, 0.2918701, 0, 0, 0.1017102, 0.0622643, 0.2872416, -0.0768135,
            -0.0557282, 0.0917585, -0.0679131, 0.029076, -0.0907755, -0.2702118, -0.1373216, 0, -0.1255864, -1.748475),
            new AddOns(0.1067741, 0.1853138, 0.1567115, 0.1028065, -0.0006181, 0.0925285, 0.0975598, 0.0101713));
    static final Equation FULL_ASCVD_FEMALE_30 = new Equation(new Coefficients(0.4386739, -0.0921956, 0.0977728,
            -0.1453525, 0.0590925, 0.2862862, 0.3669136, 0.2354695, 0, 0, 0.0354338, 0.0573093, 0.1840085, 0.0117504,
            -0.0331945, 0.0664311, -0.0492826, 0.0288888, -0.0964709, -0.2279648, -0.120405, 0, -0.1157635, -2.314066),
            new AddOns(0.1107632, 0.1840367, 0.1308962, 0.0810739, -0.0147785, 0.0794709, 0.1002615, 0.017301));
    static final Equation FULL_HF_FEMALE_30 = new Equation(new Coefficients(0.5927507, -0.1028754, 0, 0, -0.3593781,
            0.2628556, 0.5113472, 0.347344, 0.0564656, 0.2363857, 0.1971295, 0.0735227, 0.3219386, 0, -0.0880321, 0,
            0, 0, -0.0863132, -0.3425359, -0.181405, 0.0031285, -0.1356989, -2.642208),
            new AddOns(0.0847634, 0.18397, 0.1485802, 0.1273306, 0.0167008, 0.1378342, 0.1138832, 0.0138979));
    static final Equation FULL_CVD_MALE_30 = new Equation(new Coefficients(0.4427595, -0.1064108, 0.0629381,
            -0.1015427, -0.2542326, 0.2549679, 0.333835, 0.1873833, 0, 0, 0.0246102, 0.0552014, 0.1979729, -0.0407714,
            -0.0365522, 0.1232822, -0.0441334, 0.0177865, -0.1046657, -0.2116113, -0.1277905, 0, -0.0955922, -1.504558),
            new AddOns(0.0256704, 0.1887637, 0.089241, 0.0894596, 0.0710124, 0.0676202, 0.063409, 0.0038783));
    static final Equation FULL_ASCVD_MALE_30 = new Equation(new Coefficients(0.3743566, -0.0995499, 0.1544808,
            -0.1215297, -0.1083968, 0.2555179, 0.2696998, 0.1628432, 0, 0, -0.077507, 0.0583407, 0.1120322,
            -0.0025063, -0.0256116, 0.0886745, -0.0254507, 0.0244639, -0.0869146, -0.165745, -0.1244714, 0,
            -0.0624552, -1.985368),
            new AddOns(0.015675, 0.1864231, 0.0845697, 0.0560171, 0.0252244, 0.0501422, 0.0722905, 0.0114945));
    static final Equation FULL_HF_MALE_30 = new Equation(new Coefficients(0.5478829, -0.1111928, 0, 0, -0.4547346,
            0.2527602, 0.4385384, 0.2397952, 0.0640931, 0.2643081, 0.1354588, 0.0570689, 0.220666, 0, -0.0436769, 0,
            0, 0, -0.1168376, -0.2730055, -0.1573691, -0.0174998, -0.1128676, -2.425439),
            new AddOns(0.057746, 0.2446441, 0.1076782, 0.1233486, 0.1274796, 0.0985062, 0.0804844, 0.0022806));

    /** mg/dL → mmol/L for cholesterol, as printed in the paper's supplement. */
    static final double MMOL_PER_MG = 0.02586;
    /** UACR below this (mg/g) is taken as this, as the AHA implementation does, so ln(UACR) stays finite. */
    static final double UACR_FLOOR = 0.1;
    static final String UNIT = "%";
    private static final String LOG_ODDS = "log-odds";
    private static final List<String> ADD_ONS = List.of("hba1c", "uacr", "sdi");

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 0, 120, "input.prevent.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.prevent.sex"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL, "input.prevent.totalCholesterol"),
            InputSpec.measured("hdl", Measure.HDL_CHOLESTEROL, "input.prevent.hdl"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.prevent.systolicBp").as(Concept.SYSTOLIC_BP),
            InputSpec.flag("bpTreated", "input.prevent.bpTreated"),
            InputSpec.flag("statin", "input.prevent.statin").as(Concept.STATIN),
            InputSpec.flag("diabetes", "input.prevent.diabetes"),
            InputSpec.flag("smoker", "input.prevent.smoker").as(Concept.SMOKING),
            InputSpec.number("egfr", "mL/min/1.73m\u00b2", 0, 300, "input.prevent.egfr"),
            InputSpec.number("bmi", "kg/m\u00b2", 5, 150, "input.prevent.bmi"),
            InputSpec.measured("hba1c", Measure.HBA1C, "input.prevent.hba1c"),
            InputSpec.number("uacr", "mg/g", 0, 100_000, "input.prevent.uacr"),
            InputSpec.choice("sdi", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), "input.prevent.sdi"));

    private static final String[] REQUIRED = {"age", "sex", "totalCholesterol", "hdl", "systolicBp", "bpTreated",
        "statin", "diabetes", "smoker", "egfr", "bmi"};

    private final Outcome outcome;
    private final Horizon horizon;
    private final ModelRef ref;
    private final List<ValidatedRange> validatedRanges;

    /** The 10-year model for {@code outcome}. */
    public PreventEquations(Outcome outcome) {
        this(outcome, Horizon.TEN_YEARS);
    }

    public PreventEquations(Outcome outcome, Horizon horizon) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.ref = new ModelRef(outcome.id + horizon.idSuffix, horizon == Horizon.TEN_YEARS ? "1.1.0" : "1.0.0",
                "AHA PREVENT " + horizon.years + "-year " + outcome.shortName + " risk",
                "Khan SS et al. Development and Validation of the American Heart Association's PREVENT Equations. "
                        + "Circulation 2024;149(6):430-449, Supplemental Table S12 (base model, or full model with "
                        + "HbA1c/UACR/SDI when given; " + horizon.years + "-year, " + outcome.description + ")");
        this.validatedRanges = List.of(
                new ValidatedRange("age", "label.age", 30, horizon.maxAge, "years"),
                new ValidatedRange("totalCholesterol", "label.totalCholesterol", 130, 320, "mg/dL"),
                new ValidatedRange("hdl", "label.hdl", 20, 100, "mg/dL"),
                new ValidatedRange("systolicBp", "label.systolicBp", 90, 180, "mmHg"),
                new ValidatedRange("egfr", "label.egfr", 15, 140, "mL/min/1.73m\u00b2"),
                new ValidatedRange("bmi", "label.bmi", 18.5, 39.9, "kg/m\u00b2"),
                new ValidatedRange("hba1c", "label.hba1c", 4.5, 15, "%"),
                new ValidatedRange("uacr", "label.uacr", 0, 25_000, "mg/g"));
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

    public Horizon horizon() {
        return horizon;
    }

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
        List<Text> reasons = new ArrayList<>();
        validatedRanges.forEach(range -> range.check(in, reasons));
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(ref, missing, reasons);
        }
        boolean full = ADD_ONS.stream().anyMatch(in::has);
        Equation equation = equation(outcome, horizon, in.choice("sex").get(), full);
        Coefficients c = equation.core();
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
        terms.add(term("age", c.age() * age + c.ageSquared() * age * age));
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
        if (equation.full()) {
            AddOns a = equation.addOns();
            terms.add(term("hba1c", in.number("hba1c").stream()
                    .map(h -> (h - 5.3) * (diabetes == 1 ? a.hba1cWithDiabetes() : a.hba1cWithoutDiabetes()))
                    .findFirst().orElse(a.hba1cMissing())));
            terms.add(term("uacr", in.number("uacr").stream()
                    .map(u -> a.lnUacr() * Math.log(Math.max(u, UACR_FLOOR)))
                    .findFirst().orElse(a.uacrMissing())));
            terms.add(term("sdi", in.choice("sdi").map(Integer::parseInt)
                    .map(d -> d >= 7 ? a.sdiDecile7To10() : d >= 4 ? a.sdiDecile4To6() : 0.0)
                    .orElse(a.sdiMissing())));
        }
        terms.add(term(Contribution.BASELINE, c.constant()));
        double logOdds = terms.stream().mapToDouble(Contribution::amount).sum();
        double risk = 100 / (1 + Math.exp(-logOdds));
        risk = Math.min(100, Math.max(0, risk));
        String category = outcome == Outcome.TOTAL_CVD && horizon == Horizon.TEN_YEARS ? category(risk) : null;
        return Evaluation.of(ref, risk, UNIT, category, terms);
    }

    static Equation equation(Outcome outcome, Horizon horizon, String sex, boolean full) {
        boolean female = sex.equals("female");
        boolean ten = horizon == Horizon.TEN_YEARS;
        return switch (outcome) {
            case TOTAL_CVD -> pick(female, ten, full, CVD_FEMALE, CVD_MALE, CVD_FEMALE_30, CVD_MALE_30,
                    FULL_CVD_FEMALE, FULL_CVD_MALE, FULL_CVD_FEMALE_30, FULL_CVD_MALE_30);
            case ASCVD -> pick(female, ten, full, ASCVD_FEMALE, ASCVD_MALE, ASCVD_FEMALE_30, ASCVD_MALE_30,
                    FULL_ASCVD_FEMALE, FULL_ASCVD_MALE, FULL_ASCVD_FEMALE_30, FULL_ASCVD_MALE_30);
            case HEART_FAILURE -> pick(female, ten, full, HF_FEMALE, HF_MALE, HF_FEMALE_30, HF_MALE_30,
                    FULL_HF_FEMALE, FULL_HF_MALE, FULL_HF_FEMALE_30, FULL_HF_MALE_30);
        };
    }

    private static Equation pick(boolean female, boolean ten, boolean full, Equation f10, Equation m10, Equation f30,
                                 Equation m30, Equation ff10, Equation fm10, Equation ff30, Equation fm30) {
        if (full) {
            return ten ? (female ? ff10 : fm10) : (female ? ff30 : fm30);
        }
        return ten ? (female ? f10 : m10) : (female ? f30 : m30);
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
