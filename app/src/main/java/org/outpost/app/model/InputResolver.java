package org.outpost.app.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;

/**
 * Fills a model's inputs from a {@link Chart}, saying where each value came from and which inputs the chart
 * cannot fill. Pure and thread-safe.
 *
 * <p>What the chart fills, by input:
 * <ul>
 *   <li>any input with a {@linkplain InputSpec#measure() measure}: the most recent observation of that
 *       measure taken within the model's {@linkplain ClinicalModel#freshness() freshness} window (counted in
 *       days of the clinic's time zone), converted to the measure's canonical unit — except height, where an
 *       adult's latest height counts whatever its age;</li>
 *   <li>{@value #AGE}: completed years on {@code today} from the birth date;</li>
 *   <li>{@value #SEX}: {@code female} or {@code male} from the registration (other and unknown stay
 *       missing);</li>
 *   <li>{@value #BP_TREATED} (QRISK3: {@value #BP_TREATMENT}): true when an active medication is an
 *       antihypertensive, false otherwise (see {@link #isAntihypertensive});</li>
 *   <li>{@value #BP_MEDICATION_EVER} (FINDRISC, "ever"): true when any listed antihypertensive, active or
 *       stopped, was started by {@code today}; otherwise missing, as the list may not reach back far enough;</li>
 *   <li>{@value #STATIN}: true when an active medication is a statin, false otherwise;</li>
 *   <li>{@value #DIABETES}: true when an active medication is a glucose-lowering drug used only for diabetes
 *       (see {@link #isDiabetesMedication}) or the latest HbA1c within the freshness window is at least
 *       {@value #HBA1C_DIABETES_PERCENT} % — the American Diabetes Association criterion (ADA, "Standards of
 *       Care in Diabetes—2024", section 2 "Diagnosis and Classification of Diabetes", Table 2.1: A1C ≥ 6.5 %
 *       [48 mmol/mol]). Without such evidence it stays missing: a chart cannot rule diabetes out (diet-only
 *       treatment, an HbA1c done elsewhere), so the clinician answers;</li>
 *   <li>{@value #BMI}: weight in kg / (height in m)², from the latest weight within the freshness window and
 *       the latest height (any date once measured in adulthood, since adult height barely changes).</li>
 *   <li>a {@linkplain InputSpec.Kind#TEXT text} input named like a gene ({@code cyp2c19}, case-insensitive):
 *       the diplotype of the most recent result for that gene, whatever its age (a genotype does not
 *       change);</li>
 *   <li>an input named in the {@code derived} map (e.g. {@code egfr}): the result of that model on the same
 *       chart, when applicable, dated by the newest observation it read.</li>
 * </ul>
 * Everything else (smoking, race, risk region, family history, diagnoses such as heart failure) stays
 * unresolved unless entered: the structured chart does not record it.
 *
 * <p>Medications are classified by their generic name (case-insensitive, any word of the name), not by
 * brand: a brand-only entry is not recognised and the clinician sees the flag as "no match".
 */
public final class InputResolver {
    /** Input names the resolver fills from the registration and medication list. */
    public static final String AGE = "age";
    public static final String SEX = "sex";
    public static final String BP_TREATED = "bpTreated";
    /** QRISK3's name for {@link #BP_TREATED}. */
    public static final String BP_TREATMENT = "bpTreatment";
    /** FINDRISC's "has ever taken medication for high blood pressure": true on evidence, otherwise missing. */
    public static final String BP_MEDICATION_EVER = "bpMedication";
    public static final String STATIN = "statin";
    public static final String DIABETES = "diabetes";
    public static final String BMI = "bmi";

    /** ADA diagnostic threshold for HbA1c, in percent (NGSP). */
    public static final double HBA1C_DIABETES_PERCENT = 6.5;

    /**
     * Antihypertensive classes by generic-name stem: ACE inhibitors (-pril), angiotensin receptor blockers
     * (-sartan), dihydropyridine calcium-channel blockers (-dipine), beta-blockers (-olol, -alol, -ilol).
     */
    private static final List<String> ANTIHYPERTENSIVE_SUFFIXES = List.of("pril", "sartan", "dipine", "olol", "alol", "ilol");

    /**
     * Antihypertensives without a class stem: thiazide and thiazide-like diuretics, non-dihydropyridine
     * calcium-channel blockers, mineralocorticoid antagonists, alpha-blockers and central or direct agents.
     */
    private static final Set<String> ANTIHYPERTENSIVE_NAMES = Set.of(
            "hydrochlorothiazide", "chlorthalidone", "chlortalidone", "indapamide", "chlorothiazide", "metolazone",
            "bendroflumethiazide", "diltiazem", "verapamil", "spironolactone", "eplerenone", "doxazosin",
            "prazosin", "terazosin", "clonidine", "methyldopa", "hydralazine", "minoxidil", "aliskiren");

    /** HMG-CoA reductase inhibitors all end in -vastatin (nystatin, an antifungal, does not). */
    private static final String STATIN_SUFFIX = "vastatin";

    /**
     * Glucose-lowering drugs used only for diabetes: metformin, insulins, sulfonylureas, DPP-4 inhibitors
     * (-gliptin), thiazolidinediones (-glitazone). SGLT2 inhibitors and GLP-1 agonists are left out on
     * purpose: they are also prescribed for heart failure, kidney disease and obesity.
     */
    private static final Set<String> DIABETES_NAMES = Set.of("metformin", "insulin", "glipizide", "glyburide",
            "glibenclamide", "gliclazide", "glimepiride", "tolbutamide", "repaglinide", "nateglinide", "acarbose");
    private static final List<String> DIABETES_SUFFIXES = List.of("gliptin", "glitazone");

    private final ZoneId zone;
    private final Map<String, ClinicalModel> derived;

    /** @param zone the clinic's time zone, in which "within the last year" is counted */
    public InputResolver(ZoneId zone) {
        this(zone, Map.of());
    }

    /**
     * @param derived models that compute an input from the chart, by input name (e.g. {@code egfr} from the
     *                CKD-EPI equation on the latest creatinine); used when the chart has no value of its own
     *                and the model is applicable to the patient
     */
    public InputResolver(ZoneId zone, Map<String, ClinicalModel> derived) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.derived = Map.copyOf(derived);
    }

    /** The clinic's time zone, in which "today" and the freshness windows are counted. */
    public ZoneId zone() {
        return zone;
    }

    /** Fills what the chart can of {@code model}'s inputs, as on {@code today}. */
    public ResolvedInputs resolve(ClinicalModel model, Chart chart, LocalDate today) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(today, "today");
        Instant oldest = today.minus(model.freshness()).atStartOfDay(zone).toInstant();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, InputSource> sources = new LinkedHashMap<>();
        List<String> unresolved = new ArrayList<>();
        Map<String, InputSource.FromObservation> expired = new LinkedHashMap<>();
        for (InputSpec spec : model.inputs()) {
            Optional<Resolved> r = resolve(spec, chart, today, oldest).filter(v -> accepted(spec, v.value()));
            if (r.isPresent()) {
                values.put(spec.name(), r.get().value());
                sources.put(spec.name(), r.get().source());
            } else {
                unresolved.add(spec.name());
                spec.measure().flatMap(chart::latest).filter(o -> o.effective().isBefore(oldest))
                        .ifPresent(o -> expired.put(spec.name(), new InputSource.FromObservation(o.measure(), o.effective())));
            }
        }
        return new ResolvedInputs(ModelInputs.of(values), sources, unresolved, expired);
    }

    private record Resolved(Object value, InputSource source) { }

    private Optional<Resolved> resolve(InputSpec spec, Chart chart, LocalDate today, Instant oldest) {
        if (spec.measure().isPresent()) {
            Optional<Observation> o = spec.measure().get() == Measure.BODY_HEIGHT
                    ? adultHeight(chart, oldest) : recent(chart, spec.measure().get(), oldest);
            return o.map(x -> new Resolved(x.canonical().value(), new InputSource.FromObservation(x.measure(), x.effective())));
        }
        Patient p = chart.patient();
        return switch (spec.name()) {
            case AGE -> spec.kind() == InputSpec.Kind.NUMBER
                    ? Optional.of(new Resolved(p.ageOn(today), new InputSource.FromRegistration("birthDate")))
                    : Optional.empty();
            case SEX -> sex(spec, p.sex());
            case BP_TREATED, BP_TREATMENT -> medicationFlag(spec, chart, today, InputResolver::isAntihypertensive);
            case BP_MEDICATION_EVER -> everTaken(spec, chart, today);
            case STATIN -> medicationFlag(spec, chart, today, InputResolver::isStatin);
            case DIABETES -> diabetes(spec, chart, today, oldest);
            case BMI -> spec.kind() == InputSpec.Kind.NUMBER ? bmi(chart, oldest) : Optional.empty();
            default -> spec.kind() == InputSpec.Kind.TEXT ? genotype(spec, chart) : derived(spec, chart, today);
        };
    }

    /** The most recent lab result for the gene the input is named after. */
    private static Optional<Resolved> genotype(InputSpec spec, Chart chart) {
        Genotype latest = null;
        for (Genotype g : chart.genotypes()) {
            if (g.gene().equalsIgnoreCase(spec.name()) && (latest == null || !g.resultDate().isBefore(latest.resultDate()))) {
                latest = g;
            }
        }
        return latest == null ? Optional.empty() : Optional.of(new Resolved(latest.diplotype().strip().toLowerCase(Locale.ROOT),
                new InputSource.FromGenotype(latest.gene(), latest.resultDate())));
    }

    /** An input computed by another model from the chart, dated by the newest observation it read. */
    private Optional<Resolved> derived(InputSpec spec, Chart chart, LocalDate today) {
        ClinicalModel model = derived.get(spec.name());
        if (model == null || spec.kind() != InputSpec.Kind.NUMBER) {
            return Optional.empty();
        }
        ResolvedInputs inputs = resolve(model, chart, today);
        Evaluation result = model.evaluate(inputs.inputs());
        if (!result.applicable()) {
            return Optional.empty();
        }
        List<Measure> from = new ArrayList<>();
        Instant newest = Instant.MIN;
        for (InputSource source : inputs.sources().values()) {
            if (source instanceof InputSource.FromObservation o) {
                from.add(o.measure());
                newest = o.effective().isAfter(newest) ? o.effective() : newest;
            }
        }
        if (from.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(result.value().getAsDouble(), new InputSource.Calculated(from, newest)));
    }

    private static Optional<Observation> recent(Chart chart, Measure measure, Instant oldest) {
        return chart.latest(measure).filter(o -> !o.effective().isBefore(oldest));
    }

    private static Optional<Resolved> sex(InputSpec spec, Sex sex) {
        String code = sex.code();
        if (spec.kind() != InputSpec.Kind.CHOICE || !(sex == Sex.FEMALE || sex == Sex.MALE)
                || !spec.choices().contains(code)) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(code, new InputSource.FromRegistration("sex")));
    }

    private static Optional<Resolved> medicationFlag(InputSpec spec, Chart chart, LocalDate today,
                                                     Predicate<String> matches) {
        if (spec.kind() != InputSpec.Kind.BOOLEAN) {
            return Optional.empty();
        }
        List<String> matched = active(chart, today).filter(m -> matches.test(m.name())).map(Medication::name).toList();
        return Optional.of(new Resolved(!matched.isEmpty(), new InputSource.FromMedications(matched)));
    }

    private static Optional<Resolved> everTaken(InputSpec spec, Chart chart, LocalDate today) {
        if (spec.kind() != InputSpec.Kind.BOOLEAN) {
            return Optional.empty();
        }
        List<String> matched = chart.medications().stream().filter(m -> !m.start().isAfter(today))
                .filter(m -> isAntihypertensive(m.name())).map(Medication::name).toList();
        return matched.isEmpty() ? Optional.empty()
                : Optional.of(new Resolved(true, new InputSource.FromMedications(matched)));
    }

    private static Optional<Resolved> diabetes(InputSpec spec, Chart chart, LocalDate today, Instant oldest) {
        if (spec.kind() != InputSpec.Kind.BOOLEAN) {
            return Optional.empty();
        }
        List<String> meds = active(chart, today).filter(m -> isDiabetesMedication(m.name())).map(Medication::name).toList();
        if (!meds.isEmpty()) {
            return Optional.of(new Resolved(true, new InputSource.FromMedications(meds)));
        }
        return recent(chart, Measure.HBA1C, oldest)
                .filter(o -> o.canonical().value() >= HBA1C_DIABETES_PERCENT)
                .map(o -> new Resolved(true, new InputSource.FromObservation(Measure.HBA1C, o.effective())));
    }

    /** The latest height: within the window, or of any date once measured in adulthood (adult height barely changes). */
    private Optional<Observation> adultHeight(Chart chart, Instant oldest) {
        Instant adultFrom = chart.patient().birthDate().plusYears(18).atStartOfDay(zone).toInstant();
        return chart.latest(Measure.BODY_HEIGHT)
                .filter(o -> !o.effective().isBefore(oldest) || !o.effective().isBefore(adultFrom));
    }

    private Optional<Resolved> bmi(Chart chart, Instant oldest) {
        Optional<Observation> weight = recent(chart, Measure.BODY_WEIGHT, oldest);
        Optional<Observation> height = adultHeight(chart, oldest);
        if (weight.isEmpty() || height.isEmpty()) {
            return Optional.empty();
        }
        double kg = weight.get().canonical().value();
        double m = height.get().canonical().value() / 100.0;
        double bmi = Math.round(kg / (m * m) * 10) / 10.0;
        Instant newest = weight.get().effective().isAfter(height.get().effective())
                ? weight.get().effective() : height.get().effective();
        return Optional.of(new Resolved(bmi, new InputSource.Calculated(
                List.of(Measure.BODY_WEIGHT, Measure.BODY_HEIGHT), newest)));
    }

    private static java.util.stream.Stream<Medication> active(Chart chart, LocalDate today) {
        return chart.medications().stream().filter(m -> m.activeOn(today));
    }

    private static boolean accepted(InputSpec spec, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d >= spec.min() && d <= spec.max();
        }
        return true;
    }

    /** Whether a medication name names an antihypertensive (by class stem or name, any word). */
    public static boolean isAntihypertensive(String medicationName) {
        return words(medicationName).stream().anyMatch(w -> ANTIHYPERTENSIVE_NAMES.contains(w)
                || ANTIHYPERTENSIVE_SUFFIXES.stream().anyMatch(s -> w.endsWith(s) && w.length() > s.length()));
    }

    /** Whether a medication name names a statin. */
    public static boolean isStatin(String medicationName) {
        return words(medicationName).stream().anyMatch(w -> w.endsWith(STATIN_SUFFIX));
    }

    /** Whether a medication name names a glucose-lowering drug used only for diabetes. */
    public static boolean isDiabetesMedication(String medicationName) {
        return words(medicationName).stream().anyMatch(w -> DIABETES_NAMES.contains(w)
                || DIABETES_SUFFIXES.stream().anyMatch(w::endsWith));
    }

    private static List<String> words(String name) {
        return List.of(name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"));
    }
}
