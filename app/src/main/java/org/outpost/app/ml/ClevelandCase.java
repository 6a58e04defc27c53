package org.outpost.app.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;

/**
 * One person's 13 inputs in the coding of the UCI Heart Disease "processed.cleveland.data" file (columns 1–13,
 * see {@code ../shared/data/ml/COLUMNS.md}), and how they become the learned model's features. Training reads
 * the file into these, the app builds them from a form or the chart: both encode through {@link #features()}, so
 * the model sees the same features at training and at use.
 *
 * @param ageYears             age in years
 * @param male                 1 male, 0 female
 * @param chestPain            1 typical angina, 2 atypical angina, 3 non-anginal pain, 4 asymptomatic
 * @param restingSystolicMmHg  resting systolic blood pressure on admission, mmHg
 * @param cholesterolMgPerDl   serum cholesterol, mg/dL
 * @param fastingGlucoseOver120 1 when fasting blood sugar &gt; 120 mg/dL, else 0
 * @param restingEcg           0 normal, 1 ST-T wave abnormality, 2 probable or definite left ventricular hypertrophy
 * @param maxHeartRatePerMin   maximum heart rate achieved on exercise testing, beats/min
 * @param exerciseAngina       1 when exercise induced angina, else 0
 * @param stDepressionMm       ST depression induced by exercise relative to rest, mm
 * @param stSlope              slope of the peak exercise ST segment: 1 upsloping, 2 flat, 3 downsloping
 * @param vesselsColoured      number of major vessels (0–3) coloured by fluoroscopy
 * @param thallium             thallium scan: 3 normal, 6 fixed defect, 7 reversible defect
 */
public record ClevelandCase(double ageYears, double male, double chestPain, double restingSystolicMmHg,
                            double cholesterolMgPerDl, double fastingGlucoseOver120, double restingEcg,
                            double maxHeartRatePerMin, double exerciseAngina, double stDepressionMm, double stSlope,
                            double vesselsColoured, double thallium) {

    /** The outcome label for angiographic disease (num 1–4). */
    public static final String DISEASE = "disease";
    /** The outcome label for no angiographic disease (num 0). */
    public static final String NO_DISEASE = "no_disease";

    /** How many inputs a case has (the file's columns 1–13). */
    public static final int SIZE = 13;

    /** Chest pain codes 1–4, in the file's order, as the app's choices name them. */
    static final List<String> CHEST_PAIN = List.of("typical_angina", "atypical_angina", "non_anginal_pain",
            "asymptomatic");
    /** Resting ECG codes 0–2. */
    static final List<String> RESTING_ECG = List.of("normal", "st_t_abnormality", "lv_hypertrophy");
    /** ST slope codes 1–3. */
    static final List<String> ST_SLOPE = List.of("upsloping", "flat", "downsloping");
    /** Thallium codes 3, 6, 7. */
    static final List<String> THALLIUM = List.of("normal", "fixed_defect", "reversible_defect");
    private static final double[] THALLIUM_CODES = {3, 6, 7};

    public ClevelandCase {
        double[] v = {ageYears, male, chestPain, restingSystolicMmHg, cholesterolMgPerDl, fastingGlucoseOver120,
                restingEcg, maxHeartRatePerMin, exerciseAngina, stDepressionMm, stSlope, vesselsColoured, thallium};
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("A Cleveland case has 13 finite values");
            }
        }
        code(male, 0, 1, "male");
        code(chestPain, 1, 4, "chest pain");
        code(fastingGlucoseOver120, 0, 1, "fasting glucose over 120 mg/dL");
        code(restingEcg, 0, 2, "resting ECG");
        code(exerciseAngina, 0, 1, "exercise angina");
        code(stSlope, 1, 3, "ST slope");
        if (thallium != 3 && thallium != 6 && thallium != 7) {
            throw new IllegalArgumentException("thallium is coded 3, 6 or 7, not " + thallium);
        }
    }

    private static void code(double value, int min, int max, String what) {
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException(what + " is coded " + min + "–" + max + ", not " + value);
        }
    }

    /** The values in the file's column order. */
    public double[] values() {
        return new double[] {ageYears, male, chestPain, restingSystolicMmHg, cholesterolMgPerDl,
                fastingGlucoseOver120, restingEcg, maxHeartRatePerMin, exerciseAngina, stDepressionMm, stSlope,
                vesselsColoured, thallium};
    }

    /** A case from 13 values in the file's column order. */
    public static ClevelandCase of(double[] v) {
        if (v.length != SIZE) {
            throw new IllegalArgumentException("A Cleveland case has 13 values, not " + v.length);
        }
        return new ClevelandCase(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }

    /**
     * One line of the data file: 13 inputs and the outcome {@code num} (0 = no vessel narrowed by more than
     * 50%, 1–4 = one or more). Empty when an input is {@code ?} (missing).
     *
     * @throws IllegalArgumentException when the line does not have 14 numeric or {@code ?} columns
     */
    public static Optional<Labelled> parseLine(String line) {
        String[] cells = line.strip().split(",");
        if (cells.length != SIZE + 1) {
            throw new IllegalArgumentException("expected 14 comma-separated columns, found " + cells.length);
        }
        double[] v = new double[SIZE];
        boolean missing = false;
        for (int i = 0; i < SIZE; i++) {
            if (cells[i].strip().equals("?")) {
                missing = true;
            } else {
                v[i] = Double.parseDouble(cells[i].strip());
            }
        }
        int num = (int) Double.parseDouble(cells[SIZE].strip());
        if (num < 0 || num > 4) {
            throw new IllegalArgumentException("num is 0–4, not " + num);
        }
        return missing ? Optional.empty() : Optional.of(new Labelled(of(v), num > 0));
    }

    /** A case with its outcome: angiographic disease (more than 50% narrowing of a major vessel). */
    public record Labelled(ClevelandCase inputs, boolean disease) {
    }

    /**
     * The model's features: numbers as they are, the two-valued inputs as 0/1, and each category of the four
     * categorical inputs (chest pain, resting ECG, ST slope, thallium) as its own 0/1 feature named
     * {@code input=category}. Every feature is present (zeros included), so standardisation sees them all.
     * Feature names start with the app's input name, which is how contributions are summed per input.
     */
    public List<Feature> features() {
        List<Feature> f = new ArrayList<>(22);
        f.add(new Feature("age", ageYears));
        f.add(new Feature("sex=male", male));
        oneHot(f, "chestPain", CHEST_PAIN, (int) chestPain - 1);
        f.add(new Feature("systolicBp", restingSystolicMmHg));
        f.add(new Feature("totalCholesterol", cholesterolMgPerDl));
        f.add(new Feature("fastingGlucoseOver120", fastingGlucoseOver120));
        oneHot(f, "restingEcg", RESTING_ECG, (int) restingEcg);
        f.add(new Feature("maxHeartRate", maxHeartRatePerMin));
        f.add(new Feature("exerciseAngina", exerciseAngina));
        f.add(new Feature("stDepression", stDepressionMm));
        oneHot(f, "stSlope", ST_SLOPE, (int) stSlope - 1);
        f.add(new Feature("vesselsColoured", vesselsColoured));
        oneHot(f, "thallium", THALLIUM, thalliumIndex(thallium));
        return f;
    }

    /** This case as a Tribuo example; {@code outcome} is the known label in training, unknown at use. */
    public Example<Label> example(Label outcome) {
        return new ArrayExample<>(outcome, features());
    }

    /** The probability (0–1) of angiographic disease a classifier over these features gives this case. */
    public double diseaseProbability(Model<Label> model) {
        var scores = model.predict(example(LabelFactory.UNKNOWN_LABEL)).getOutputScores();
        Label disease = scores.get(DISEASE);
        if (disease == null) {
            throw new LearnedModelException("the model has no '" + DISEASE + "' outcome");
        }
        return disease.getScore();
    }

    /** The app's input name a feature belongs to ("chestPain=asymptomatic" → "chestPain"). */
    public static String inputOf(String featureName) {
        int eq = featureName.indexOf('=');
        return eq < 0 ? featureName : featureName.substring(0, eq);
    }

    static int thalliumIndex(double code) {
        for (int i = 0; i < THALLIUM_CODES.length; i++) {
            if (THALLIUM_CODES[i] == code) {
                return i;
            }
        }
        throw new IllegalArgumentException("thallium is coded 3, 6 or 7, not " + code);
    }

    static double thalliumCode(int index) {
        return THALLIUM_CODES[index];
    }

    private static void oneHot(List<Feature> f, String input, List<String> categories, int index) {
        for (int i = 0; i < categories.size(); i++) {
            f.add(new Feature(input + "=" + categories.get(i), i == index ? 1 : 0));
        }
    }
}
