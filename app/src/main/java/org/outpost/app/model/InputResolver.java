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
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
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
 *   <li>{@value #BP_TREATED} (QRISK3: {@value #BP_TREATMENT}): true when an active medicine is in the medicines
 *       table's class {@value #ANTIHYPERTENSIVE}, false otherwise;</li>
 *   <li>{@value #BP_MEDICATION_EVER} (FINDRISC, "ever"): true when any listed antihypertensive, active or
 *       stopped, was started by {@code today}; otherwise missing, as the list may not reach back far enough;</li>
 *   <li>{@value #STATIN}: true when an active medicine is in the class {@value #STATIN}, false otherwise;</li>
 *   <li>{@value #DIABETES}: true when the problem list has diabetes (any type, active), an active medicine is in
 *       the class {@value #DIABETES_MEDICINE} (medicines used only for diabetes), or the latest HbA1c within the
 *       freshness window is at least {@value #HBA1C_DIABETES_PERCENT} % — the American Diabetes Association
 *       criterion (ADA, "Standards of Care in Diabetes—2024", section 2 "Diagnosis and Classification of
 *       Diabetes", Table 2.1: A1C ≥ 6.5 % [48 mmol/mol]). Without such evidence it is false on a problem list a
 *       clinician reviewed as complete, and otherwise missing: an unreviewed chart cannot rule diabetes out
 *       (diet-only treatment, an HbA1c done elsewhere), so the clinician answers;</li>
 *   <li>{@value #BMI}: weight in kg / (height in m)², from the latest weight within the freshness window and
 *       the latest height (any date once measured in adulthood, since adult height barely changes).</li>
 *   <li>an input declared as a {@link Concept.Problem}: true when an entry of the problem list means one of its
 *       problems (by the problem catalogue: active, or any status for a history such as prior stroke);
 *       false when none does on a reviewed list; otherwise missing;</li>
 *   <li>an input declared as {@link Concept.DiabetesType}: the type the problem list names (type 1 or 2); "none"
 *       when the {@value #DIABETES} rule above says false; otherwise missing (diabetes of unstated type);</li>
 *   <li>an input declared as {@link Concept.Takes}: true when an active medicine is in one of its classes (by
 *       mouth only, if it says so), false otherwise;</li>
 *   <li>an input declared as {@link Concept.Smoking}: from the latest smoking status (a flag: current or not; a
 *       choice: the choice of that status, graded by cigarettes a day where the model grades it);</li>
 *   <li>a {@linkplain InputSpec.Kind#TEXT text} input named like a gene ({@code cyp2c19}, case-insensitive):
 *       the diplotype of the most recent result for that gene, whatever its age (a genotype does not
 *       change);</li>
 *   <li>an input named in the {@code derived} map (e.g. {@code egfr}): the result of that model on the same
 *       chart, when applicable, dated by the newest observation it read.</li>
 * </ul>
 * Everything else (race, risk region, family history) stays unresolved unless entered: the chart does not record
 * it.
 *
 * <p>Medicines are classified by the medicines-by-class table (WHO ATC codes, generic and brand
 * names, through the {@link ChartVocabulary}), so "Plavix 75 mg" is an antiplatelet; an entry the table does not know matches no class.
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

    /** The medicines table's class of blood-pressure treatment. */
    public static final String ANTIHYPERTENSIVE = "antihypertensive";
    /** The medicines table's class of medicines used only for diabetes. */
    public static final String DIABETES_MEDICINE = "diabetes-medicine";

    private final ZoneId zone;
    private final Map<String, ClinicalModel> derived;
    private final ChartVocabulary vocabulary;

    /**
     * @param zone       the clinic's time zone, in which "within the last year" is counted
     * @param vocabulary what medication entries and problem codes mean
     */
    public InputResolver(ZoneId zone, ChartVocabulary vocabulary) {
        this(zone, Map.of(), vocabulary);
    }

    /**
     * @param derived models that compute an input from the chart, by input name (e.g. {@code egfr} from the
     *                CKD-EPI equation on the latest creatinine); used when the chart has no value of its own
     *                and the model is applicable to the patient
     */
    public InputResolver(ZoneId zone, Map<String, ClinicalModel> derived, ChartVocabulary vocabulary) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.derived = Map.copyOf(derived);
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
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
            case BP_TREATED, BP_TREATMENT -> medicationFlag(spec, chart, today, Set.of(ANTIHYPERTENSIVE), false);
            case BP_MEDICATION_EVER -> everTaken(spec, chart, today);
            case STATIN -> medicationFlag(spec, chart, today, Set.of(STATIN), false);
            case DIABETES -> spec.kind() == InputSpec.Kind.BOOLEAN ? diabetes(chart, today, oldest) : byConcept(spec, chart, today, oldest);
            case BMI -> spec.kind() == InputSpec.Kind.NUMBER ? bmi(chart, oldest) : Optional.empty();
            default -> byConcept(spec, chart, today, oldest);
        };
    }

    private Optional<Resolved> byConcept(InputSpec spec, Chart chart, LocalDate today, Instant oldest) {
        if (spec.concept().isEmpty()) {
            return spec.kind() == InputSpec.Kind.TEXT ? genotype(spec, chart) : derived(spec, chart, today);
        }
        return switch (spec.concept().get()) {
            case Concept.Problem p -> problemFlag(chart, p.problems());
            case Concept.DiabetesType d -> diabetesType(d, chart, today, oldest);
            case Concept.Takes t -> medicationFlag(spec, chart, today, t.classes(), t.oralOnly());
            case Concept.Smoking s -> smoking(s, chart);
            case Concept.SystolicBp b -> Optional.empty();
            case Concept.Statin st -> medicationFlag(spec, chart, today, Set.of(STATIN), false);
        };
    }

    /** True when an entry means one of {@code wanted}; false when none does on a reviewed list; else missing. */
    private Optional<Resolved> problemFlag(Chart chart, Set<ClinicalProblem> wanted) {
        ProblemList list = chart.problems();
        List<String> matched = matching(list, wanted);
        if (!matched.isEmpty()) {
            return Optional.of(new Resolved(true, new InputSource.FromProblemList(matched, Optional.empty())));
        }
        return list.reviewed().map(r -> new Resolved(false, new InputSource.FromProblemList(List.of(), Optional.of(r.at()))));
    }

    private List<String> matching(ProblemList list, Set<ClinicalProblem> wanted) {
        List<String> matched = new ArrayList<>();
        for (Condition c : list.conditions()) {
            Set<ClinicalProblem> means = vocabulary.conceptsOf(c.code());
            if (means.stream().anyMatch(p -> wanted.contains(p) && p.counts(c))) {
                matched.add(c.code().display());
            }
        }
        return matched;
    }

    private Optional<Resolved> diabetesType(Concept.DiabetesType d, Chart chart, LocalDate today, Instant oldest) {
        List<String> type1 = matching(chart.problems(), Set.of(ClinicalProblem.DIABETES_TYPE_1));
        List<String> type2 = matching(chart.problems(), Set.of(ClinicalProblem.DIABETES_TYPE_2));
        if (type1.isEmpty() != type2.isEmpty()) {
            return Optional.of(type1.isEmpty()
                    ? new Resolved(d.type2(), new InputSource.FromProblemList(type2, Optional.empty()))
                    : new Resolved(d.type1(), new InputSource.FromProblemList(type1, Optional.empty())));
        }
        if (!type1.isEmpty()) {
            return Optional.empty(); // both types listed: the clinician says which
        }
        return diabetes(chart, today, oldest).filter(r -> Boolean.FALSE.equals(r.value()))
                .map(r -> new Resolved(d.none(), r.source()));
    }

    private Optional<Resolved> smoking(Concept.Smoking concept, Chart chart) {
        Optional<SmokingRecord> latest = chart.latestSmoking();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        SmokingRecord s = latest.get();
        InputSource source = new InputSource.FromSmokingHistory(s.status(), s.asOf());
        if (concept.choices().isEmpty()) {
            return Optional.of(new Resolved(s.status() == SmokingStatus.CURRENT, source));
        }
        return concept.choiceFor(s.status(), s.cigarettesPerDay()).map(c -> new Resolved(c, source));
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

    private Optional<Resolved> medicationFlag(InputSpec spec, Chart chart, LocalDate today, Set<String> classes,
                                              boolean oralOnly) {
        if (spec.kind() != InputSpec.Kind.BOOLEAN) {
            return Optional.empty();
        }
        List<String> matched = active(chart, today).filter(m -> !oralOnly || byMouth(m))
                .filter(m -> inClass(m, classes)).map(Medication::name).toList();
        return Optional.of(new Resolved(!matched.isEmpty(), new InputSource.FromMedications(matched)));
    }

    private Optional<Resolved> everTaken(InputSpec spec, Chart chart, LocalDate today) {
        if (spec.kind() != InputSpec.Kind.BOOLEAN) {
            return Optional.empty();
        }
        List<String> matched = chart.medications().stream().filter(m -> !m.start().isAfter(today))
                .filter(m -> inClass(m, Set.of(ANTIHYPERTENSIVE))).map(Medication::name).toList();
        return matched.isEmpty() ? Optional.empty()
                : Optional.of(new Resolved(true, new InputSource.FromMedications(matched)));
    }

    /**
     * Diabetes as a flag: true on evidence (problem list, a medicine used only for diabetes, HbA1c ≥ 6.5 %), false
     * on a reviewed problem list without any, otherwise missing.
     */
    private Optional<Resolved> diabetes(Chart chart, LocalDate today, Instant oldest) {
        Set<ClinicalProblem> anyType = Set.of(ClinicalProblem.DIABETES, ClinicalProblem.DIABETES_TYPE_1,
                ClinicalProblem.DIABETES_TYPE_2);
        List<String> listed = matching(chart.problems(), anyType);
        if (!listed.isEmpty()) {
            return Optional.of(new Resolved(true, new InputSource.FromProblemList(listed, Optional.empty())));
        }
        List<String> meds = active(chart, today).filter(m -> inClass(m, Set.of(DIABETES_MEDICINE)))
                .map(Medication::name).toList();
        if (!meds.isEmpty()) {
            return Optional.of(new Resolved(true, new InputSource.FromMedications(meds)));
        }
        Optional<Resolved> hba1c = recent(chart, Measure.HBA1C, oldest)
                .filter(o -> o.canonical().value() >= HBA1C_DIABETES_PERCENT)
                .map(o -> new Resolved(true, new InputSource.FromObservation(Measure.HBA1C, o.effective())));
        if (hba1c.isPresent()) {
            return hba1c;
        }
        return problemFlag(chart, anyType);
    }

    private boolean inClass(Medication m, Set<String> classes) {
        return vocabulary.classesOf(m.name()).stream().anyMatch(classes::contains);
    }

    /** Given by mouth, or with no route written (a tablet is the usual form). */
    private static boolean byMouth(Medication m) {
        String route = m.route().strip().toLowerCase(Locale.ROOT);
        return route.isEmpty() || route.equals("oral") || route.equals("po") || route.contains("mouth");
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
}
