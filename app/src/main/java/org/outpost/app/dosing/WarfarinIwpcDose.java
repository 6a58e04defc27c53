package org.outpost.app.dosing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.outpost.app.domain.Measure;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.model.SuggestedDose;
import org.outpost.app.model.ValidatedRange;
import org.outpost.app.text.Text;

/**
 * IWPC warfarin dose: the International Warfarin Pharmacogenetics Consortium's pharmacogenetic and clinical
 * dosing algorithms, which estimate the stable weekly warfarin dose for a target INR of 2–3.
 *
 * <p>Source: The International Warfarin Pharmacogenetics Consortium. "Estimation of the warfarin dose with
 * clinical and pharmacogenetic data." N Engl J Med 2009;360:753–764, Supplementary Appendix, section S1f
 * (both algorithms; the output is the square root of the weekly dose in mg, to be squared). Derived in 4043
 * and validated in 1009 patients with a target INR of 2–3. Recommended, with the Gage algorithm, by CPIC:
 * Johnson JA, Caudle KE, Gong L, et al. "Clinical Pharmacogenetics Implementation Consortium (CPIC)
 * Guideline for Pharmacogenetics-Guided Warfarin Dosing: 2017 Update." Clin Pharmacol Ther
 * 2017;102(3):397–404, Figure 2.
 *
 * <p>Pharmacogenetic algorithm, √(weekly dose in mg) =
 * 5.6044 − 0.2614 × age in decades + 0.0087 × height (cm) + 0.0128 × weight (kg)
 * − 0.8677 × VKORC1 A/G − 1.6974 × VKORC1 A/A − 0.4854 × VKORC1 genotype unknown
 * − 0.5211 × CYP2C9 *1/*2 − 0.9357 × *1/*3 − 1.0616 × *2/*2 − 1.9206 × *2/*3 − 2.3312 × *3/*3
 * − 0.2188 × CYP2C9 genotype unknown − 0.1092 × Asian − 0.2760 × Black or African American
 * − 0.1032 × missing or mixed race + 1.1816 × enzyme inducer status − 0.5503 × amiodarone status.
 *
 * <p>Clinical algorithm, √(weekly dose in mg) =
 * 4.0376 − 0.2546 × age in decades + 0.0118 × height (cm) + 0.0134 × weight (kg) − 0.6752 × Asian
 * + 0.4060 × Black or African American + 0.0443 × missing or mixed race + 1.2799 × enzyme inducer status
 * − 0.5695 × amiodarone status.
 *
 * <p>Definitions (appendix S1f): VKORC1 is the −1639G&gt;A (rs9923231) genotype, G/G the reference;
 * CYP2C9 the *1/*2/*3 diplotype, *1/*1 the reference; other CYP2C9 alleles (*5, *6, *8, *11…) are not in the
 * algorithm and take the "genotype unknown" term. White race is the reference; race not given (Outpost's chart
 * does not record it) takes the algorithm's own "missing or mixed race" term, and the category says so. Enzyme inducer status is 1 when
 * the patient takes carbamazepine, phenytoin, rifampin or rifampicin; amiodarone status 1 when taking
 * amiodarone. <b>Age in decades</b> is the decade number, as the consortium's data record age in decade bands
 * (10–19 → 1, …, 60–69 → 6, …, "90+" → 9): here the completed decades of the age in years, at most 9.
 *
 * <p>Which algorithm: the pharmacogenetic one when at least one gene has a result the algorithm models, with
 * the unknown-genotype term for the other gene; the clinical one when neither gene has such a result (not
 * given, not recognised, or only alleles outside the model), as the category then says. A genotype text that
 * is not recognised is never guessed at: it counts as unknown and the category says it was not recognised.
 *
 * <p>Applicability — Outpost's bounds, as the cohort's extremes are not given in the paper: adults
 * {@value #MIN_AGE}–{@value #MAX_AGE} years, height {@value #MIN_HEIGHT}–{@value #MAX_HEIGHT} cm, weight
 * {@value #MIN_WEIGHT}–{@value #MAX_WEIGHT} kg; and a predicted dose of at least {@value #MIN_WEEKLY} mg/week
 * (0.5 mg daily, the smallest dose that can be suggested). Below that, or when the square root comes out at
 * or under zero (possible only at the extremes, e.g. VKORC1 A/A with CYP2C9 *3/*3 and amiodarone), no number
 * is given. The algorithms were derived for a target INR of 2–3.
 *
 * <p>Value: the estimated stable weekly dose, mg/week, rounded to 0.1. Recommendation: that dose as a daily
 * dose rounded to the nearest 0.5 mg; severity {@link Severity#MODERATE} when the rounded weekly dose is
 * ≤ 21 or ≥ 49 mg/week — the paper's low- and high-dose groups, where the pharmacogenetic algorithm differed
 * most from the clinical one — else {@link Severity#LOW}. Strength, for the pharmacogenetic algorithm, as CPIC
 * 2017 grades "calculate the dose with a validated pharmacogenetic algorithm": strong for non-African ancestry
 * (Asian, white), moderate for African ancestry (Black), ungraded for other or unknown ancestry; the clinical
 * algorithm is ungraded. CPIC's notes are added to the text: for African ancestry (check CYP2C9 *5, *6, *8,
 * *11; carriers: decrease the calculated dose by 15–30 %), and for CYP2C9 *2/*3 or *3/*3 (consider an
 * alternative agent).
 *
 * <p>Contributions, in √(mg/week), adding up to the square root of the weekly dose before rounding: each
 * term above under its input's name, and {@link Contribution#BASELINE} the intercept.
 */
public final class WarfarinIwpcDose implements ClinicalModel {
    static final ModelRef REF = new ModelRef("warfarin-iwpc", "1.0.0", "IWPC warfarin dosing algorithm",
            "International Warfarin Pharmacogenetics Consortium. N Engl J Med 2009;360:753-764, Supplementary "
                    + "Appendix S1f; strength: CPIC, Johnson JA et al. Clin Pharmacol Ther 2017;102:397-404");

    static final String UNIT = "mg/week";
    static final String SQRT_UNIT = "sqrt(mg/week)";
    static final double MIN_AGE = 18;
    static final double MAX_AGE = 100;
    static final double MIN_HEIGHT = 120;
    static final double MAX_HEIGHT = 210;
    static final double MIN_WEIGHT = 30;
    static final double MAX_WEIGHT = 200;
    /** 0.5 mg daily: below this no dose is suggested. */
    static final double MIN_WEEKLY = 3.5;
    /** The paper's low-dose (≤ 21 mg/week) and high-dose (≥ 49 mg/week) groups. */
    static final double LOW_DOSE_GROUP = 21;
    static final double HIGH_DOSE_GROUP = 49;

    /** Input names. */
    static final String AGE = "age";
    static final String HEIGHT = "height";
    static final String WEIGHT = "weight";
    static final String VKORC1 = "vkorc1";
    static final String CYP2C9 = "cyp2c9";
    static final String RACE = "race";
    static final String ENZYME_INDUCER = "enzymeInducer";
    static final String AMIODARONE = "amiodarone";

    /** Generic names (lower case) that set enzyme inducer status, as the IWPC defines it (+ fosphenytoin). */
    static final Set<String> ENZYME_INDUCERS = Set.of("carbamazepine", "phenytoin", "fosphenytoin", "rifampin",
            "rifampicin");

    private static final List<ValidatedRange> RANGES = List.of(
            new ValidatedRange(AGE, "label.age", MIN_AGE, MAX_AGE, "years"),
            new ValidatedRange(HEIGHT, "label.height", MIN_HEIGHT, MAX_HEIGHT, "cm"),
            new ValidatedRange(WEIGHT, "label.weight", MIN_WEIGHT, MAX_WEIGHT, "kg"));

    private static final List<InputSpec> INPUTS = List.of(
            InputSpec.number(AGE, "years", 0, 120, "input.warfarin-iwpc.age"),
            InputSpec.measured(HEIGHT, Measure.BODY_HEIGHT, "input.warfarin-iwpc.height"),
            InputSpec.measured(WEIGHT, Measure.BODY_WEIGHT, "input.warfarin-iwpc.weight"),
            InputSpec.text(VKORC1, "input.warfarin-iwpc.vkorc1"),
            InputSpec.text(CYP2C9, "input.warfarin-iwpc.cyp2c9"),
            InputSpec.choice(RACE, List.of("asian", "black", "white", "other"), "input.warfarin-iwpc.race"),
            InputSpec.flag(ENZYME_INDUCER, "input.warfarin-iwpc.enzymeInducer"),
            InputSpec.flag(AMIODARONE, "input.warfarin-iwpc.amiodarone"));

    /** VKORC1 −1639G>A genotypes the algorithm models, with their coefficient in the pharmacogenetic algorithm. */
    enum Vkorc1 {
        GG("G/G", 0, 0), AG("A/G", 1, -0.8677), AA("A/A", 2, -1.6974);

        static final double UNKNOWN = -0.4854;

        final String label;
        final int aAlleles;
        final double coefficient;

        Vkorc1(String label, int aAlleles, double coefficient) {
            this.label = label;
            this.aAlleles = aAlleles;
            this.coefficient = coefficient;
        }

        static Vkorc1 ofAlleles(char first, char second) {
            int a = (first == 'a' ? 1 : 0) + (second == 'a' ? 1 : 0);
            return values()[a];
        }
    }

    /** CYP2C9 diplotypes the algorithm models, with their coefficient in the pharmacogenetic algorithm. */
    enum Cyp2c9 {
        S1_1("*1/*1", 0), S1_2("*1/*2", -0.5211), S1_3("*1/*3", -0.9357), S2_2("*2/*2", -1.0616),
        S2_3("*2/*3", -1.9206), S3_3("*3/*3", -2.3312);

        static final double UNKNOWN = -0.2188;

        final String label;
        final double coefficient;

        Cyp2c9(String label, double coefficient) {
            this.label = label;
            this.coefficient = coefficient;
        }

        /** The diplotype of two alleles among *1, *2, *3, in either order. */
        static Cyp2c9 of(int first, int second) {
            String label = "*" + Math.min(first, second) + "/*" + Math.max(first, second);
            for (Cyp2c9 c : values()) {
                if (c.label.equals(label)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("Not a modelled CYP2C9 diplotype");
        }
    }

    /**
     * What a gene's input gave: a modelled genotype, or unknown with a note saying why.
     *
     * @param notGiven true when the input was absent or blank (rather than given and not usable)
     */
    record GeneCall<T>(Optional<T> genotype, String note, boolean notGiven) {
        static <T> GeneCall<T> known(T genotype) {
            return new GeneCall<>(Optional.of(genotype), "", false);
        }

        static <T> GeneCall<T> unknown(String note) {
            return new GeneCall<>(Optional.empty(), note, false);
        }

        static <T> GeneCall<T> absent(String gene) {
            return new GeneCall<>(Optional.empty(), gene + " not given", true);
        }
    }

    private static final String VKORC1_PREFIX = "(?:vkorc1[ :]*)?(?:rs9923231[ :]*)?(?:(?:c\\.)?-1639 ?)?";
    /** "G/A", "-1639G/A", "c.-1639 A/G", "VKORC1 -1639G>A: A/A", "GA". */
    private static final Pattern VKORC1_ALLELES = Pattern.compile(
            "^" + VKORC1_PREFIX + "(?:g ?> ?a[ :]*)?([ga]) ?/? ?([ga])$");
    /** "-1639G>A het", "c.-1639G>A homozygous". */
    private static final Pattern VKORC1_ZYGOSITY = Pattern.compile(
            "^" + VKORC1_PREFIX + "g ?> ?a[ :,]*(het|heterozygous|heterozygote|hom|homozygous|homozygote)$");
    /** "*1/*3", "CYP2C9 *2/*1", "*1A/*3". */
    private static final Pattern CYP2C9_DIPLOTYPE = Pattern.compile(
            "^(?:cyp2c9[ :]*)?\\*(\\d{1,2})[a-z]? ?/ ?\\*(\\d{1,2})[a-z]?$");

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
        List<String> missing = in.absent(AGE, HEIGHT, WEIGHT, ENZYME_INDUCER, AMIODARONE);
        List<Text> reasons = new ArrayList<>();
        RANGES.forEach(r -> r.check(in, reasons));
        if (!missing.isEmpty() || !reasons.isEmpty()) {
            return Evaluation.notApplicableBecause(REF, missing, reasons);
        }
        double age = in.number(AGE).getAsDouble();
        double height = in.number(HEIGHT).getAsDouble();
        double weight = in.number(WEIGHT).getAsDouble();
        // the chart does not record race; IWPC has a term for "missing or mixed", used when it is not given
        String race = in.choice(RACE).orElse("other");
        boolean inducer = in.flag(ENZYME_INDUCER).get();
        boolean amiodarone = in.flag(AMIODARONE).get();
        GeneCall<Vkorc1> vkorc1 = vkorc1(in.text(VKORC1));
        GeneCall<Cyp2c9> cyp2c9 = cyp2c9(in.text(CYP2C9));
        boolean pharmacogenetic = vkorc1.genotype().isPresent() || cyp2c9.genotype().isPresent();
        int decades = ageInDecades(age);

        List<Contribution> terms = new ArrayList<>();
        if (pharmacogenetic) {
            terms.add(term(Contribution.BASELINE, 5.6044));
            terms.add(term(AGE, -0.2614 * decades));
            terms.add(term(HEIGHT, 0.0087 * height));
            terms.add(term(WEIGHT, 0.0128 * weight));
            terms.add(term(VKORC1, vkorc1.genotype().map(g -> g.coefficient).orElse(Vkorc1.UNKNOWN)));
            terms.add(term(CYP2C9, cyp2c9.genotype().map(g -> g.coefficient).orElse(Cyp2c9.UNKNOWN)));
            terms.add(term(RACE, switch (race) {
                case "asian" -> -0.1092;
                case "black" -> -0.2760;
                case "white" -> 0.0;
                default -> -0.1032;
            }));
            terms.add(term(ENZYME_INDUCER, inducer ? 1.1816 : 0));
            terms.add(term(AMIODARONE, amiodarone ? -0.5503 : 0));
        } else {
            terms.add(term(Contribution.BASELINE, 4.0376));
            terms.add(term(AGE, -0.2546 * decades));
            terms.add(term(HEIGHT, 0.0118 * height));
            terms.add(term(WEIGHT, 0.0134 * weight));
            terms.add(term(RACE, switch (race) {
                case "asian" -> -0.6752;
                case "black" -> 0.4060;
                case "white" -> 0.0;
                default -> 0.0443;
            }));
            terms.add(term(ENZYME_INDUCER, inducer ? 1.2799 : 0));
            terms.add(term(AMIODARONE, amiodarone ? -0.5695 : 0));
        }
        double root = terms.stream().mapToDouble(Contribution::amount).sum();
        double weekly = root * root;
        if (root <= 0 || weekly < MIN_WEEKLY) {
            return Evaluation.notApplicableBecause(REF, List.of(), List.of(
                    Text.of("reason.warfarin-iwpc.belowMinimum", Measure.format(MIN_WEEKLY))));
        }
        double reported = Math.round(weekly * 10) / 10.0;
        double daily = Math.round(weekly / 7 * 2) / 2.0;
        String algorithm = pharmacogenetic ? "pharmacogenetic" : "clinical";

        List<String> notes = new ArrayList<>();
        notes.add(pharmacogenetic ? "pharmacogenetic algorithm" : "clinical algorithm (genotype unknown)");
        for (GeneCall<?> call : List.of(vkorc1, cyp2c9)) {
            if (call.genotype().isEmpty() && (pharmacogenetic || !call.notGiven())) {
                notes.add(call.note() + (pharmacogenetic ? ": unknown-genotype term used" : ""));
            }
        }
        if (!in.has(RACE)) {
            notes.add("race not recorded: the IWPC missing-or-mixed race term used");
        }
        String category = String.join("; ", notes);

        SuggestedDose dose = new SuggestedDose(daily, "mg", "once daily");
        Text text = Text.of("advice.warfarin-iwpc.estimate", dose.amount(), reported,
                Text.of(pharmacogenetic ? "advice.warfarin-iwpc.algorithm.pharmacogenetic"
                        : "advice.warfarin-iwpc.algorithm.clinical"),
                race.equals("black") ? Text.of("advice.warfarin-iwpc.africanAncestry") : Text.empty(),
                cyp2c9.genotype().filter(g -> g == Cyp2c9.S2_3 || g == Cyp2c9.S3_3).isPresent()
                        ? Text.of("advice.warfarin-iwpc.poorMetaboliser") : Text.empty());
        Severity severity = reported <= LOW_DOSE_GROUP || reported >= HIGH_DOSE_GROUP ? Severity.MODERATE : Severity.LOW;
        String strength = !pharmacogenetic ? "" : switch (race) {
            case "asian", "white" -> "strong";
            case "black" -> "moderate";
            default -> "";
        };
        Recommendation advice = Recommendation.dose(severity, text, strength, dose)
                .withSource("IWPC " + algorithm + " algorithm, N Engl J Med 2009;360:753-764"
                        + (strength.isEmpty() ? "" : "; strength as graded by CPIC warfarin 2017 (Johnson JA et al., "
                        + "Clin Pharmacol Ther 2017;102:397-404, Figure 2)"));
        return Evaluation.advice(REF, reported, UNIT, category, terms, advice);
    }

    /** The IWPC's age in decades: the decade number of the age in years (60–69 → 6), "90+" → 9. */
    static int ageInDecades(double ageYears) {
        return (int) Math.min(9, Math.floor(ageYears / 10));
    }

    /** Reads a VKORC1 −1639G&gt;A result as labs write it; anything else is unknown, with a note saying so. */
    static GeneCall<Vkorc1> vkorc1(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return GeneCall.absent("VKORC1");
        }
        String t = normalise(text.get());
        Matcher m = VKORC1_ALLELES.matcher(t);
        if (m.matches()) {
            return GeneCall.known(Vkorc1.ofAlleles(m.group(1).charAt(0), m.group(2).charAt(0)));
        }
        Matcher z = VKORC1_ZYGOSITY.matcher(t);
        if (z.matches()) {
            return GeneCall.known(z.group(1).startsWith("het") ? Vkorc1.AG : Vkorc1.AA);
        }
        return GeneCall.unknown("VKORC1 result not recognised (expected the -1639G>A genotype, e.g. G/A)");
    }

    /** Reads a CYP2C9 star diplotype; alleles other than *1, *2, *3 take the unknown term, with a note. */
    static GeneCall<Cyp2c9> cyp2c9(Optional<String> text) {
        if (text.isEmpty() || text.get().isBlank()) {
            return GeneCall.absent("CYP2C9");
        }
        Optional<int[]> alleles = cyp2c9Alleles(text.get());
        if (alleles.isEmpty()) {
            return GeneCall.unknown("CYP2C9 result not recognised (expected a diplotype, e.g. *1/*3)");
        }
        int first = alleles.get()[0];
        int second = alleles.get()[1];
        if (modelled(first) && modelled(second)) {
            return GeneCall.known(Cyp2c9.of(first, second));
        }
        return GeneCall.unknown("CYP2C9 *" + first + "/*" + second
                + " has an allele the IWPC algorithm does not model (only *1, *2, *3)");
    }

    /**
     * The two star-allele numbers of a CYP2C9 diplotype as labs write it ("*1/*3", "CYP2C9 *3/*1", "*1A/*2"),
     * lower first; empty when the text is not a diplotype.
     */
    static Optional<int[]> cyp2c9Alleles(String text) {
        Matcher m = CYP2C9_DIPLOTYPE.matcher(normalise(text));
        if (!m.matches()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        return Optional.of(new int[] {Math.min(first, second), Math.max(first, second)});
    }

    /**
     * The {@code enzymeInducer} and {@code amiodarone} flags from the active medications' generic names (lower
     * case; any word of a name counts, so "phenytoin sodium" is phenytoin). Brand names are not recognised.
     */
    public static Map<String, Object> inputsFromMedications(Collection<String> activeGenericNames) {
        boolean inducer = false;
        boolean amiodarone = false;
        if (activeGenericNames != null) {
            for (String name : activeGenericNames) {
                if (name == null) {
                    continue;
                }
                for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                    inducer |= ENZYME_INDUCERS.contains(word);
                    amiodarone |= word.equals("amiodarone");
                }
            }
        }
        return Map.of(ENZYME_INDUCER, inducer, AMIODARONE, amiodarone);
    }

    private static boolean modelled(int allele) {
        return allele >= 1 && allele <= 3;
    }

    /** Lower case, single spaces, the Unicode minus and ">" variants a lab may print made plain. */
    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT)
                .replace('\u2212', '-').replace('\u2013', '-').replace('\u2192', '>')
                .replaceAll("\\s+", " ");
    }

    private static Contribution term(String input, double amount) {
        return new Contribution(input, amount, SQRT_UNIT);
    }
}
