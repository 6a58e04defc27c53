package org.outpost.app.ml;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.OutOfDistribution;
import org.outpost.app.model.Spread;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.ensemble.EnsembleModel;

/**
 * Learned model: the probability of angiographic coronary artery disease (more than 50% narrowing of a major
 * vessel) in a patient referred for evaluation of chest pain, from the Cleveland cohort. An L2-regularised logistic
 * regression trained with Tribuo on the UCI Heart Disease data, Cleveland Clinic Foundation, 1981–1984 (Janosi A,
 * Steinbrunn W, Pfisterer M, Detrano R; UCI Machine Learning Repository, doi:10.24432/C52P4X, CC BY 4.0); method:
 * Detrano R et al., Am J Cardiol 1989;64:304–310. Research grade: not a published clinical score.
 *
 * <p>Every evaluation gives the probability in %, the range (5th–95th percentile) of a bootstrap ensemble of the
 * same learner, and each input's term of the linear predictor in log-odds (the intercept as
 * {@link Contribution#BASELINE}). Inputs unlike the training data — an input outside its training range, or a
 * combination whose Mahalanobis distance is above what 99% of training cases are within — give no number: the
 * evaluation is not applicable, its reason starts {@link OutOfDistribution#PREFIX}, and the verdict is in
 * {@link Evaluation#outOfDistribution()}.
 *
 * <p>Validated range: the training data's range of each input (see {@link #card()} and the training statistics);
 * adults referred for chest pain evaluation with exercise testing, fluoroscopy and a thallium scan done.
 *
 * <p>Loaded once from the resources the training command writes ({@code org/outpost/app/ml/coronary/}); never
 * trained here. Immutable; a prediction only reads the loaded models (Tribuo's transformed and liblinear models
 * keep no state between predictions), so one instance serves every thread.
 */
public final class CoronaryDiseaseLearnedModel implements LearnedModel {
    /** Where the shipped files are, on the class path. */
    public static final String RESOURCES = "/org/outpost/app/ml/coronary/";
    public static final String MODEL_FILE = "model.tribuo";
    public static final String BOOTSTRAP_FILE = "bootstrap.tribuo";
    public static final String CARD_FILE = "card.properties";
    public static final String STATISTICS_FILE = "training-stats.properties";

    /** The unit of the contributions. */
    public static final String LOG_ODDS = "log-odds";
    private static final double SPREAD_LOW = 5;
    private static final double SPREAD_HIGH = 95;

    static final ModelRef REF = new ModelRef("cad-cleveland-learned", "1.0.0",
            "Coronary artery disease probability, learned (Cleveland cohort)",
            "Learned with Tribuo from UCI Heart Disease, Cleveland Clinic Foundation 1981-1984 (Janosi, Steinbrunn, "
                    + "Pfisterer, Detrano; doi:10.24432/C52P4X, CC BY 4.0); research grade, see the model card");

    private static final List<String> NAMES = List.of("age", "sex", "chestPain", "systolicBp", "totalCholesterol",
            "fastingGlucoseOver120", "restingEcg", "maxHeartRate", "exerciseAngina", "stDepression", "stSlope",
            "vesselsColoured", "thallium");

    static final List<InputSpec> INPUTS = List.of(
            InputSpec.number("age", "years", 18, 110, "input.cad-cleveland-learned.age"),
            InputSpec.choice("sex", List.of("female", "male"), "input.cad-cleveland-learned.sex"),
            InputSpec.choice("chestPain", ClevelandCase.CHEST_PAIN, "input.cad-cleveland-learned.chestPain"),
            InputSpec.measured("systolicBp", Measure.SYSTOLIC_BP, "input.cad-cleveland-learned.systolicBp"),
            InputSpec.measured("totalCholesterol", Measure.TOTAL_CHOLESTEROL,
                    "input.cad-cleveland-learned.totalCholesterol"),
            InputSpec.flag("fastingGlucoseOver120", "input.cad-cleveland-learned.fastingGlucoseOver120"),
            InputSpec.choice("restingEcg", ClevelandCase.RESTING_ECG, "input.cad-cleveland-learned.restingEcg"),
            InputSpec.number("maxHeartRate", "beats/min", 40, 250, "input.cad-cleveland-learned.maxHeartRate"),
            InputSpec.flag("exerciseAngina", "input.cad-cleveland-learned.exerciseAngina"),
            InputSpec.number("stDepression", "mm", 0, 10, "input.cad-cleveland-learned.stDepression"),
            InputSpec.choice("stSlope", ClevelandCase.ST_SLOPE, "input.cad-cleveland-learned.stSlope"),
            InputSpec.number("vesselsColoured", "vessels", 0, 3, "input.cad-cleveland-learned.vesselsColoured"),
            InputSpec.choice("thallium", ClevelandCase.THALLIUM, "input.cad-cleveland-learned.thallium"));

    private final Model<Label> model;
    private final List<Model<Label>> bootstrap;
    private final LinearTerms terms;
    private final TrainingStatistics statistics;
    private final ModelCard card;
    private final ModelRef ref;

    private CoronaryDiseaseLearnedModel(Model<Label> model, List<Model<Label>> bootstrap, LinearTerms terms,
                                        TrainingStatistics statistics, ModelCard card, ModelRef ref) {
        this.ref = ref;
        this.model = model;
        this.bootstrap = List.copyOf(bootstrap);
        this.terms = terms;
        this.statistics = statistics;
        this.card = card;
    }

    /**
     * Loads the model from four named files; {@code open} gives each file's bytes (from the class path, a folder,
     * a test's copy).
     *
     * @throws LearnedModelException naming the file when one is missing, truncated, not a Tribuo model of disease
     *                               labels, or inconsistent with the others
     */
    public static CoronaryDiseaseLearnedModel load(Function<String, Optional<InputStream>> open) {
        Model<Label> model = TribuoFiles.readLabelModel(open, MODEL_FILE);
        Model<?> ensemble = TribuoFiles.readLabelModel(open, BOOTSTRAP_FILE);
        if (!(ensemble instanceof EnsembleModel<?> e) || e.getNumModels() < 2) {
            throw new LearnedModelException(BOOTSTRAP_FILE + " is not an ensemble of bootstrap-trained models");
        }
        List<Model<Label>> members = TribuoFiles.members(e, BOOTSTRAP_FILE);
        ModelCard card = TribuoFiles.read(open, CARD_FILE, in -> ModelCard.read(in, CARD_FILE));
        TrainingStatistics statistics = TribuoFiles.read(open, STATISTICS_FILE, in -> TribuoFiles.statistics(in,
                STATISTICS_FILE));
        if (!statistics.names().equals(NAMES)) {
            throw new LearnedModelException(STATISTICS_FILE + " describes the inputs " + statistics.names()
                    + ", not this model's " + NAMES);
        }
        ClevelandCase atMeans = roundedCase(statistics.mean());
        LinearTerms terms = LinearTerms.of(model, atMeans, MODEL_FILE);
        for (Model<Label> member : members) {
            atMeans.diseaseProbability(member); // a member without the disease outcome fails here, not at use
        }
        return new CoronaryDiseaseLearnedModel(model, members, terms, statistics, card, REF);
    }

    /**
     * The same model as delivered by a signed content update: its version is the update's, and its source says
     * which update it came from, so every evaluation and decision names the model actually used.
     */
    public CoronaryDiseaseLearnedModel asUpdate(String version, String from) {
        return new CoronaryDiseaseLearnedModel(model, bootstrap, terms, statistics, card,
                new ModelRef(REF.id(), version, REF.title(), REF.source() + "; " + from));
    }

    /** The model Outpost ships, from the class path. */
    public static CoronaryDiseaseLearnedModel bundled() {
        return load(name -> Optional.ofNullable(CoronaryDiseaseLearnedModel.class.getResourceAsStream(RESOURCES + name)));
    }

    @Override
    public ModelRef ref() {
        return ref;
    }

    @Override
    public List<InputSpec> inputs() {
        return INPUTS;
    }

    /** The model card, generated by the training run. */
    @Override
    public ModelCard card() {
        return card;
    }

    /** What the model has seen, for the out-of-distribution check. */
    public TrainingStatistics trainingStatistics() {
        return statistics;
    }

    @Override
    public Evaluation evaluate(ModelInputs in) {
        List<String> missing = in.absent(NAMES.toArray(String[]::new));
        if (!missing.isEmpty()) {
            return Evaluation.notApplicable(ref, missing, List.of());
        }
        ClevelandCase c = toCase(in);
        OutOfDistribution verdict = statistics.check(c);
        if (!verdict.inDistribution()) {
            return Evaluation.outsideTrainingData(ref, verdict);
        }
        return Evaluation.learned(ref, 100 * c.diseaseProbability(model), "%", null, spread(c), contributions(c),
                verdict);
    }

    /** The 5th–95th percentile of the bootstrap ensemble's probabilities, in %. */
    Spread spread(ClevelandCase c) {
        double[] p = new double[bootstrap.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = 100 * c.diseaseProbability(bootstrap.get(i));
        }
        Arrays.sort(p);
        return new Spread(percentile(p, SPREAD_LOW), percentile(p, SPREAD_HIGH), String.format(Locale.ROOT,
                "%.0fth\u2013%.0fth percentile of %d models trained on bootstrap resamples of the training data",
                SPREAD_LOW, SPREAD_HIGH, p.length));
    }

    private List<Contribution> contributions(ClevelandCase c) {
        Map<String, Double> byInput = terms.termsByInput(c);
        List<Contribution> out = new ArrayList<>(byInput.size());
        byInput.forEach((input, amount) -> out.add(new Contribution(input, amount, LOG_ODDS)));
        return out;
    }

    /** The log-odds of disease: the sum of all contributions. */
    double linearPredictor(ClevelandCase c) {
        return terms.linearPredictor(c);
    }

    /** The case for these inputs (all present). */
    static ClevelandCase toCase(ModelInputs in) {
        return new ClevelandCase(in.number("age").getAsDouble(), in.choice("sex").get().equals("male") ? 1 : 0,
                ClevelandCase.CHEST_PAIN.indexOf(in.choice("chestPain").get()) + 1,
                in.number("systolicBp").getAsDouble(), in.number("totalCholesterol").getAsDouble(),
                in.flag("fastingGlucoseOver120").get() ? 1 : 0,
                ClevelandCase.RESTING_ECG.indexOf(in.choice("restingEcg").get()),
                in.number("maxHeartRate").getAsDouble(), in.flag("exerciseAngina").get() ? 1 : 0,
                in.number("stDepression").getAsDouble(), ClevelandCase.ST_SLOPE.indexOf(in.choice("stSlope").get()) + 1,
                in.number("vesselsColoured").getAsDouble(),
                ClevelandCase.thalliumCode(ClevelandCase.THALLIUM.indexOf(in.choice("thallium").get())));
    }

    /** The inputs for a case in the file's coding (the inverse of {@link #toCase}). */
    static ModelInputs inputsOf(ClevelandCase c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("age", c.ageYears());
        m.put("sex", c.male() == 1 ? "male" : "female");
        m.put("chestPain", ClevelandCase.CHEST_PAIN.get((int) c.chestPain() - 1));
        m.put("systolicBp", c.restingSystolicMmHg());
        m.put("totalCholesterol", c.cholesterolMgPerDl());
        m.put("fastingGlucoseOver120", c.fastingGlucoseOver120() == 1);
        m.put("restingEcg", ClevelandCase.RESTING_ECG.get((int) c.restingEcg()));
        m.put("maxHeartRate", c.maxHeartRatePerMin());
        m.put("exerciseAngina", c.exerciseAngina() == 1);
        m.put("stDepression", c.stDepressionMm());
        m.put("stSlope", ClevelandCase.ST_SLOPE.get((int) c.stSlope() - 1));
        m.put("vesselsColoured", c.vesselsColoured());
        m.put("thallium", ClevelandCase.THALLIUM.get(ClevelandCase.thalliumIndex(c.thallium())));
        return ModelInputs.of(m);
    }

    /** Linear interpolation between order statistics (R's type 7) of sorted values. */
    static double percentile(double[] sorted, double percent) {
        double h = (sorted.length - 1) * percent / 100;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** A valid case near the training means (codes rounded to the nearest valid one), to check the files on load. */
    private static ClevelandCase roundedCase(double[] mean) {
        double[] v = mean.clone();
        v[1] = Math.round(Math.min(1, Math.max(0, v[1])));
        v[2] = Math.round(Math.min(4, Math.max(1, v[2])));
        v[5] = Math.round(Math.min(1, Math.max(0, v[5])));
        v[6] = Math.round(Math.min(2, Math.max(0, v[6])));
        v[8] = Math.round(Math.min(1, Math.max(0, v[8])));
        v[10] = Math.round(Math.min(3, Math.max(1, v[10])));
        v[12] = v[12] < 4.5 ? 3 : v[12] < 6.5 ? 6 : 7;
        return ClevelandCase.of(v);
    }

    @Override
    public String toString() {
        return REF.id();
    }

    /** The 13 input names in the data file's column order (for the training command). */
    public static List<String> inputNames() {
        return NAMES;
    }

    /** The title the card carries (for the training command). */
    public static String title() {
        return REF.title();
    }

    /** The version the card carries (for the training command). */
    public static String version() {
        return REF.version();
    }
}
