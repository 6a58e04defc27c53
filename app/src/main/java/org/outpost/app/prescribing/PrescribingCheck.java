package org.outpost.app.prescribing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.outpost.app.decision.DecisionInputs;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Medication;
import org.outpost.app.dosing.RenalDoseRules;
import org.outpost.app.dosing.RenalDoseRules.RenalDoseAdvice;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputResolver;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.Recommendation;
import org.outpost.app.model.Severity;
import org.outpost.app.text.Text;

/**
 * The check run on a medication order before it is saved: every model relevant to the drug — the
 * pharmacogenomic rule, the DOAC label dose, the warfarin starting dose, the renal dose table — and the one
 * interaction the warfarin model knows (amiodarone), each on the patient's chart as it is today; then dose limits,
 * duplicates, interactions and the patient's allergies ({@link AllergyCheck}).
 *
 * <p>Each result becomes an {@link OrderAlert} with its severity, the suggested dose and why. An alert
 * <em>differs</em> from the order when it suggests another dose, or advises against the drug with moderate
 * or high severity; such orders go to the pharmacist. An alert the prescriber overrode before, for the same
 * patient, model version, drug and inputs, is not asked again ({@link AlertResponse#ANSWERED_BEFORE}).
 *
 * <p>Dosing reads creatinine and weight from the last {@link #DOSING_WINDOW} only (renal function changes;
 * labels dose on current values); genotypes of any age. An untested patient gets no pharmacogenomic alert.
 * Pure and thread-safe; no I/O.
 */
public final class PrescribingCheck {
    /** The input through which a model is told which drug is being ordered. */
    public static final String DRUG = "drug";
    /** How old a creatinine or weight may be for dosing. */
    public static final Period DOSING_WINDOW = Period.ofMonths(3);
    static final String WARFARIN = "warfarin";
    static final String AMIODARONE = "amiodarone";
    static final String AMIODARONE_INPUT = "amiodarone";
    static final String WARFARIN_IWPC = "warfarin-iwpc";
    static final String PRASUGREL = "prasugrel";
    /** The input through which a model is told the order's indication (CPIC clopidogrel). */
    static final String INDICATION = "indication";
    /** Advice text naming prasugrel as one of two choices: "prasugrel or ticagrelor", "ticagrelor or prasugrel". */
    private static final java.util.regex.Pattern PRASUGREL_NAMED = java.util.regex.Pattern.compile(
            "(?i)prasugrel or ticagrelor|ticagrelor or prasugrel");
    static final String PRASUGREL_STROKE_TIA = "prasugrel-stroke-tia";
    private static final String SEMICOLON = "advice.join.semicolon";

    private final List<DrugModel> models;
    private final List<org.outpost.app.pgx.PgxAdvisor> advisors;
    private final RenalDoseRules renalRules;
    private final ClinicalModel crcl;
    private final ClinicalModel egfr;
    private final Optional<ClinicalModel> egfrWithCystatin;
    private final List<ClinicalModel> references;
    private final InputResolver resolver;
    private final List<String> notices;
    private final SafetyTables safety;
    private final AllergyCheck allergies;

    /**
     * @param models     the drug-specific models, in the order their alerts are listed
     * @param renalRules the renal dose table
     * @param crcl       the creatinine clearance model the renal table's {@code crcl} rows use
     * @param egfr       the eGFR model its {@code egfr} rows use
     */
    public PrescribingCheck(List<DrugModel> models, RenalDoseRules renalRules, ClinicalModel crcl, ClinicalModel egfr,
                            InputResolver resolver) {
        this(models, renalRules, crcl, egfr, resolver, List.of());
    }

    /**
     * @param notices what the pharmacist must know about the tables in force, e.g. an update that was refused
     */
    public PrescribingCheck(List<DrugModel> models, RenalDoseRules renalRules, ClinicalModel crcl, ClinicalModel egfr,
                            InputResolver resolver, List<String> notices) {
        this(models, renalRules, crcl, egfr, resolver, notices, SafetyTables.bundled());
    }

    /**
     * @param safety the dose limits, duplicate-therapy classes and interactions every order is checked against
     */
    public PrescribingCheck(List<DrugModel> models, RenalDoseRules renalRules, ClinicalModel crcl, ClinicalModel egfr,
                            InputResolver resolver, List<String> notices, SafetyTables safety) {
        this(models, renalRules, crcl, egfr, Optional.empty(), List.of(), resolver, notices, safety);
    }

    /**
     * @param egfrWithCystatin the eGFR model the renal table's {@code egfr} rows use in preference to {@code egfr}
     *                         when the chart has a creatinine and a cystatin C from the {@link #DOSING_WINDOW} (the
     *                         CKD-EPI 2021 creatinine–cystatin C equation)
     * @param references       models shown beside the others on the dosing panel but raising no order alert (the
     *                         warfarin label's genotype table), listed after the drug models
     */
    public PrescribingCheck(List<DrugModel> models, RenalDoseRules renalRules, ClinicalModel crcl, ClinicalModel egfr,
                            Optional<ClinicalModel> egfrWithCystatin, List<ClinicalModel> references,
                            InputResolver resolver, List<String> notices, SafetyTables safety) {
        this.safety = Objects.requireNonNull(safety);
        this.allergies = AllergyCheck.bundled(safety.duplicates().table());
        this.notices = List.copyOf(notices);
        this.advisors = models.stream().map(DrugModel::model)
                .filter(org.outpost.app.pgx.PgxCpic.class::isInstance)
                .map(m -> ((org.outpost.app.pgx.PgxCpic) m).advisor()).toList();
        this.models = models.stream().map(m -> new DrugModel(new RecentInputs(m.model(), DOSING_WINDOW), m.drugs(),
                m.medicationInputs())).toList();
        this.renalRules = Objects.requireNonNull(renalRules);
        this.crcl = new RecentInputs(crcl, DOSING_WINDOW);
        this.egfr = new RecentInputs(egfr, DOSING_WINDOW);
        this.egfrWithCystatin = egfrWithCystatin.map(m -> new RecentInputs(m, DOSING_WINDOW));
        this.references = references.stream().<ClinicalModel>map(m -> new RecentInputs(m, DOSING_WINDOW)).toList();
        this.resolver = Objects.requireNonNull(resolver);
    }

    /** Whether any check knows the drug (a drug no model knows is saved without alerts). */
    public boolean knows(String drug) {
        String d = drug.strip().toLowerCase(Locale.ROOT);
        return renalRules.covers(d) || models.stream().anyMatch(m -> m.appliesTo(d)) || d.equals(AMIODARONE)
                || safety.doseLimits().covers(d) || safety.interactions().covers(d)
                || safety.duplicates().table().find(d).isPresent();
    }

    /**
     * The indications a drug's advice depends on (clopidogrel: ACS/PCI, other cardiovascular, stroke or TIA),
     * for the order form to ask; empty for most drugs.
     */
    public List<org.outpost.app.pgx.Indication> indications(String drug) {
        String d = drug == null ? "" : drug.strip().toLowerCase(Locale.ROOT);
        return advisors.stream().map(a -> a.indications(d)).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
    }

    /** What the pharmacist must know about the tables in force (a refused update); usually empty. */
    public List<String> notices() {
        return notices;
    }

    /**
     * The models the check runs, as a chart shows them: renal function first (with the creatinine–cystatin C eGFR
     * after the creatinine one), then the drug models, then the reference models (the warfarin label table right
     * after the IWPC estimate), each reading chart values from the last {@link #DOSING_WINDOW}.
     */
    public List<ClinicalModel> models() {
        List<ClinicalModel> all = new ArrayList<>(List.of(crcl, egfr));
        egfrWithCystatin.ifPresent(all::add);
        models.forEach(m -> all.add(m.model()));
        all.addAll(references);
        return List.copyOf(all);
    }

    /** Every drug some check knows, sorted. */
    public java.util.SortedSet<String> drugs() {
        java.util.SortedSet<String> all = new java.util.TreeSet<>(renalRules.drugs());
        models.forEach(m -> all.addAll(m.drugs()));
        all.add(AMIODARONE);
        all.addAll(safety.doseLimits().drugs());
        return java.util.Collections.unmodifiableSortedSet(all);
    }

    /** The models and tables the check runs, as "id version" lines for the pharmacist. */
    public List<String> versions() {
        List<String> v = new ArrayList<>();
        models.forEach(m -> v.add(m.model().ref().id() + " " + m.model().ref().version()));
        v.add(renalRules.ref().id() + " " + renalRules.version());
        for (ModelRef ref : List.of(safety.doseLimits().ref(), safety.duplicates().ref(), safety.interactions().ref(),
                allergies.ref())) {
            v.add(ref.id() + " " + ref.version());
        }
        return v;
    }

    /**
     * Runs every relevant check on the order.
     *
     * @param answered the patient's alerts overridden before, by fingerprint
     */
    public List<OrderAlert> check(Chart chart, OrderDraft draft, LocalDate today, Map<String, AnsweredAlert> answered) {
        return check(chart, draft, true, true, today, answered);
    }

    /**
     * The medication review: every active medicine the checks know, checked as if it were ordered today against
     * the rest of the list (genotype, kidney function, dose limits, duplicates, interactions) — so a patient
     * already on clopidogrel whose CYP2C19 result says poor metaboliser is flagged when the chart opens. A dose on
     * the list that cannot be read (free text) is not checked against dose limits or caps, and says so.
     *
     * @return per reviewed medicine, its alerts (possibly none), in list order
     */
    public List<MedicineReview> review(Chart chart, LocalDate today, Map<String, AnsweredAlert> answered) {
        Objects.requireNonNull(chart, "chart");
        List<MedicineReview> reviews = new ArrayList<>();
        for (Medication med : chart.medications()) {
            if (!med.activeOn(today)) {
                continue;
            }
            Optional<String> drug = genericOf(med.name());
            if (drug.isEmpty()) {
                continue;
            }
            Chart others = new Chart(chart.patient(), chart.observations(), chart.medications().stream()
                    .filter(m -> !m.id().equals(med.id())).toList(), chart.genotypes(), chart.encounters());
            Optional<OrderDraft> asOrdered = MedicineReview.draftOf(drug.get(), med);
            OrderDraft draft = asOrdered.orElse(new OrderDraft(drug.get(), 1, "mg", "once daily", med.route()));
            List<OrderAlert> alerts;
            try {
                alerts = check(others, draft, asOrdered.isPresent(), false, today, answered);
            } catch (DoseRefusedException e) {
                ModelRef ref = safety.doseLimits().ref();
                alerts = List.of(OrderAlert.keyed(ref.id(), ref.version(), ref.title(), Severity.HIGH,
                        Text.of("alert.dose.impossible"), e.advice(), "", Optional.empty(), true,
                        fingerprint(ref.id(), ref.version(), drug.get(), "refused " + med.dose())));
            }
            reviews.add(new MedicineReview(med, drug.get(), asOrdered.isPresent(), alerts.stream()
                    .sorted((a, b) -> b.severity().compareTo(a.severity())).toList()));
        }
        return List.copyOf(reviews);
    }

    /** The generic name the checks know a medicine by: "Plavix 75 mg" is clopidogrel. */
    Optional<String> genericOf(String asWritten) {
        Optional<String> known = safety.duplicates().table().find(asWritten).map(e -> e.generic());
        if (known.isPresent() && knows(known.get())) {
            return known;
        }
        String plain = asWritten.strip().toLowerCase(Locale.ROOT);
        return knows(plain) ? Optional.of(plain) : Optional.empty();
    }

    /**
     * @param promptAllergies whether allergies never recorded raise their prompt (an order; not the review, where
     *                        it would repeat on every medicine and the chart header says it once)
     */
    private List<OrderAlert> check(Chart chart, OrderDraft draft, boolean doseKnown, boolean promptAllergies,
                                   LocalDate today, Map<String, AnsweredAlert> answered) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(draft, "draft");
        Set<String> active = activeNames(chart, today);
        List<OrderAlert> alerts = new ArrayList<>();
        if (doseKnown) {
            doseLimit(chart, draft, today).ifPresent(alerts::add);
        }
        for (DrugModel m : models) {
            if (m.appliesTo(draft.drug())) {
                run(m, chart, draft, doseKnown, today, active).ifPresent(alerts::add);
            }
        }
        renal(chart, draft, doseKnown, today).ifPresent(alerts::add);
        boolean amiodaroneWithWarfarin = draft.drug().equals(AMIODARONE) && active.contains(WARFARIN);
        if (amiodaroneWithWarfarin) {
            amiodaroneWithWarfarin(chart, today, active).ifPresent(alerts::add);
        }
        prasugrelAfterStrokeOrTia(chart, draft).ifPresent(alerts::add);
        alerts.addAll(duplicates(chart, draft, today));
        alerts.addAll(interactions(draft, doseKnown, active, amiodaroneWithWarfarin));
        alerts.addAll(allergies.check(chart.patient().allergies(), draft.drug(), promptAllergies));
        return alerts.stream().map(a -> remembered(a, answered)).toList();
    }

    private Optional<OrderAlert> run(DrugModel m, Chart chart, OrderDraft draft, boolean doseKnown, LocalDate today,
                                     Set<String> active) {
        ClinicalModel model = m.model();
        ModelInputs inputs = inputs(m, chart, today, active);
        if (m.readsDrug()) {
            inputs = inputs.with(DRUG, m.generic(draft.drug()).orElseThrow());
        }
        if (!draft.indication().isEmpty() && model.inputs().stream().anyMatch(s -> s.name().equals(INDICATION))) {
            inputs = inputs.with(INDICATION, draft.indication());
        }
        Evaluation e = model.evaluate(inputs);
        String fingerprint = fingerprint(model, draft.drug(), inputs);
        if (!e.applicable()) {
            return notChecked(model, e, fingerprint, outOfDate(chart, today, model));
        }
        if (e.recommendation().isEmpty()) {
            return Optional.empty();
        }
        Recommendation r = e.recommendation().get();
        Text text = r.message();
        if (draft.drug().equals(WARFARIN) && inputs.flag(AMIODARONE_INPUT).orElse(false)) {
            text = then(text, Text.of("alert.model.amiodaroneIncluded"));
        }
        Optional<String> strokeOrTia = StrokeOrTiaHistory.recorded(chart, draft, resolver.zone());
        if (strokeOrTia.isPresent() && PRASUGREL_NAMED.matcher(text.english()).find()) {
            // never suggest prasugrel after a stroke or TIA (contraindicated: EFFIENT label, boxed warning); the
            // advice being CPIC's words, the words with ticagrelor for prasugrel are shown as written
            text = Text.of("alert.model.notPrasugrel",
                    Text.verbatim(PRASUGREL_NAMED.matcher(text.english()).replaceAll("ticagrelor")), strokeOrTia.get());
        }
        boolean differs = r.suggestedDose().map(s -> !doseKnown || !draft.gives(s)).orElse(r.severity() != Severity.LOW);
        Severity severity = r.severity();
        if (doseKnown && model.ref().id().equals(WARFARIN_IWPC) && r.suggestedDose().isPresent()) {
            Optional<EstimateDeviation> deviation = EstimateDeviation.of(draft, r.suggestedDose().get());
            if (deviation.isPresent()) {
                differs = deviation.get().differs();
                severity = deviation.get().severity().orElse(severity);
                text = then(text, deviation.get().describe());
                // an answer to a small deviation does not answer a larger one
                fingerprint = fingerprint(model.ref().id(), model.ref().version(), draft.drug() + "@" + severity,
                        DecisionInputs.canonical(inputs));
            }
        }
        return Optional.of(OrderAlert.keyed(model.ref().id(), model.ref().version(), sourceOf(r, model.ref().title()),
                severity, Text.verbatim(e.category().orElse(model.ref().title())), text, r.strength(), r.suggestedDose(),
                differs, fingerprint));
    }

    /**
     * A model that could not run: silent when all it lacks is a genotype (most patients are untested),
     * otherwise a moderate alert naming what is missing, so nobody takes silence for approval.
     */
    private static Optional<OrderAlert> notChecked(ClinicalModel model, Evaluation e, String fingerprint,
                                                   Map<String, Text> outOfDate) {
        Set<String> genes = new LinkedHashSet<>();
        model.inputs().stream().filter(s -> s.kind() == InputSpec.Kind.TEXT).forEach(s -> genes.add(s.name()));
        if (e.reasons().isEmpty() && genes.containsAll(e.missing())) {
            return Optional.empty();
        }
        List<Text> why = new ArrayList<>(e.reasonTexts());
        List<String> missing = e.missing().stream().filter(n -> !outOfDate.containsKey(n)).toList();
        e.missing().stream().filter(outOfDate::containsKey).forEach(n -> why.add(outOfDate.get(n)));
        if (!missing.isEmpty()) {
            why.add(Text.of("alert.model.missing", String.join(", ", missing), DOSING_WINDOW.getMonths()));
        }
        boolean stale = e.missing().stream().anyMatch(outOfDate::containsKey);
        return Optional.of(OrderAlert.keyed(model.ref().id(), model.ref().version(), model.ref().title(),
                Severity.MODERATE, Text.of(stale ? "alert.model.outOfDate" : "alert.model.notChecked", model.ref().title()),
                Text.of("alert.model.notCheckedText", Text.join(SEMICOLON, why)), "", Optional.empty(), false,
                fingerprint));
    }

    private ModelInputs inputs(DrugModel m, Chart chart, LocalDate today, Set<String> active) {
        ModelInputs inputs = resolver.resolve(m.model(), chart, today).inputs();
        for (Map.Entry<String, Object> e : m.medicationInputs().apply(active).entrySet()) {
            inputs = inputs.with(e.getKey(), e.getValue());
        }
        return inputs;
    }

    private Optional<OrderAlert> renal(Chart chart, OrderDraft draft, boolean doseKnown, LocalDate today) {
        if (!renalRules.covers(draft.drug())) {
            return Optional.empty();
        }
        OptionalDouble clearance = value(crcl, chart, today);
        OptionalDouble creatinineGfr = value(egfr, chart, today);
        OptionalDouble cystatinGfr = egfrWithCystatin.map(m -> value(m, chart, today)).orElse(OptionalDouble.empty());
        boolean withCystatin = cystatinGfr.isPresent();
        OptionalDouble gfr = withCystatin ? cystatinGfr : creatinineGfr;
        ModelRef ref = renalRules.ref();
        return renalRules.check(draft.drug(), clearance, gfr).map(advice -> {
            Recommendation r = advice.recommendation();
            boolean byEgfr = advice.measure() == org.outpost.app.dosing.RenalDoseRule.Measure.EGFR;
            List<Text> stale = advice.checked() ? List.of() : List.copyOf(outOfDate(chart, today,
                    byEgfr ? egfr : crcl).values());
            Map<String, Object> used = new LinkedHashMap<>();
            advice.kidneyValue().ifPresent(v -> used.put(advice.measure().code(), Math.round(v)));
            if (byEgfr && withCystatin) {
                // the same number by another equation is other evidence: an answer to one does not answer the other
                used.put("equation", egfrWithCystatin.get().ref().id());
            }
            String fingerprint = fingerprint(ref.id(), ref.version(), draft.drug(),
                    DecisionInputs.canonical(ModelInputs.of(used)));
            boolean differs = r.suggestedDose().map(s -> !doseKnown || !draft.gives(s)).orElse(r.severity() != Severity.LOW);
            Text text = stale.isEmpty() ? r.message()
                    : Text.of("alert.renal.outOfDate", r.message(), Text.join(SEMICOLON, stale));
            Text headline = stale.isEmpty() ? headline(advice) : Text.of("alert.renal.kidneyOutOfDate");
            if (byEgfr && advice.checked()) {
                text = then(text, equationUsed(chart, today, withCystatin, creatinineGfr));
                if (withCystatin) {
                    headline = Text.of("alert.renal.withCystatin", headline);
                }
            }
            if (renalRules.draft()) {
                text = then(text, Text.of("alert.renal.draft"));
            }
            return OrderAlert.keyed(ref.id(), ref.version(), sourceOf(r, ref.title()), r.severity(), headline, text,
                    r.strength(), r.suggestedDose(), differs, fingerprint);
        });
    }

    /**
     * Which eGFR equation the renal advice used: "Kidney function: CKD-EPI 2021 creatinine–cystatin C eGFR, from
     * creatinine and cystatin C of the last 3 months (creatinine alone: 26)." — or the creatinine equation, saying
     * when a cystatin C on the chart was too old to use.
     */
    private Text equationUsed(Chart chart, LocalDate today, boolean withCystatin, OptionalDouble creatinineGfr) {
        int months = DOSING_WINDOW.getMonths();
        if (withCystatin) {
            Text alone = creatinineGfr.isPresent()
                    ? Text.of("alert.renal.creatinineAlone", Math.round(creatinineGfr.getAsDouble())) : Text.empty();
            return Text.of("alert.renal.equationCystatin", egfrWithCystatin.get().ref().title(), months, alone);
        }
        java.time.Instant oldest = today.minus(DOSING_WINDOW).atStartOfDay(resolver.zone()).toInstant();
        Optional<org.outpost.app.domain.Observation> oldCystatin = egfrWithCystatin.isEmpty() ? Optional.empty()
                : chart.latest(org.outpost.app.domain.Measure.CYSTATIN_C).filter(o -> o.effective().isBefore(oldest));
        Text old = oldCystatin.isEmpty() ? Text.empty() : Text.of("alert.renal.oldCystatin",
                LocalDate.ofInstant(oldCystatin.get().effective(), resolver.zone()).toString(), months);
        return Text.of("alert.renal.equation", egfr.ref().title(), old);
    }

    /**
     * For each measured input whose latest chart value is older than the {@link #DOSING_WINDOW}, by input name:
     * "creatinine 14 months old (needs ≤ 3 months): last 1.4 mg/dL on 2025-09-01" — so an old value is shown as
     * out of date, not reported as missing.
     */
    private Map<String, Text> outOfDate(Chart chart, LocalDate today, ClinicalModel model) {
        Map<String, Text> stale = new LinkedHashMap<>();
        for (Map.Entry<String, org.outpost.app.model.InputSource.FromObservation> e
                : resolver.resolve(model, chart, today).expired().entrySet()) {
            chart.latest(e.getValue().measure()).ifPresent(o -> {
                LocalDate taken = LocalDate.ofInstant(o.effective(), resolver.zone());
                Period age = Period.between(taken, today);
                long months = age.toTotalMonths();
                Text old = months >= 1 ? Text.of("alert.stale.months", months)
                        : Text.of("alert.stale.days", java.time.temporal.ChronoUnit.DAYS.between(taken, today));
                stale.put(e.getKey(), Text.of("alert.stale", e.getKey(), old, DOSING_WINDOW.getMonths(),
                        String.valueOf(o.value()), taken.toString()));
            });
        }
        return stale;
    }

    /**
     * The dose against the dose-limit table: above the maximum is a high alert that needs a reason; outside the
     * usual range, or not checkable (no weight for a per-kg dose), is information; an impossible dose (ten times
     * the maximum, a unit slip) is refused outright. The fingerprint holds the dose, so an answer to one dose
     * does not answer another.
     *
     * @throws DoseRefusedException when the dose is refused
     */
    private Optional<OrderAlert> doseLimit(Chart chart, OrderDraft draft, LocalDate today) {
        java.time.Instant oldest = today.minus(DOSING_WINDOW).atStartOfDay(resolver.zone()).toInstant();
        OptionalDouble weight = recent(chart, org.outpost.app.domain.Measure.BODY_WEIGHT, oldest);
        OptionalDouble height = recent(chart, org.outpost.app.domain.Measure.BODY_HEIGHT, java.time.Instant.MIN);
        // Mosteller: BSA (m²) = √(height cm × weight kg / 3600) (N Engl J Med 1987;317:1098)
        OptionalDouble bsa = weight.isPresent() && height.isPresent()
                ? OptionalDouble.of(Math.sqrt(height.getAsDouble() * weight.getAsDouble() / 3600)) : OptionalDouble.empty();
        Optional<org.outpost.app.dosing.DoseLimitAdvice> found = safety.doseLimits().check(draft.drug(), draft.amount(),
                draft.unit(), draft.frequency(), draft.route(), weight, bsa);
        if (found.isEmpty() || found.get().verdict() == org.outpost.app.dosing.DoseLimitAdvice.Verdict.WITHIN_USUAL) {
            return Optional.empty();
        }
        org.outpost.app.dosing.DoseLimitAdvice advice = found.get();
        if (advice.refused()) {
            throw new DoseRefusedException(advice.recommendation().message());
        }
        ModelRef ref = safety.doseLimits().ref();
        boolean above = advice.needsOverrideReason();
        Text headline = Text.of(switch (advice.verdict()) {
            case ABOVE_MAXIMUM -> "alert.dose.aboveMaximum";
            case OUTSIDE_USUAL -> "alert.dose.outsideUsual";
            default -> "alert.dose.notChecked";
        });
        return Optional.of(OrderAlert.keyed(ref.id(), ref.version(), advice.source(), advice.severity(), headline,
                advice.recommendation().message(), "", Optional.empty(), above,
                fingerprint(ref.id(), ref.version(), draft.drug(), draft.dose() + " " + draft.route() + " "
                        + advice.verdict())));
    }

    private static OptionalDouble recent(Chart chart, org.outpost.app.domain.Measure measure, java.time.Instant oldest) {
        return chart.latest(measure).filter(o -> !o.effective().isBefore(oldest))
                .map(o -> OptionalDouble.of(o.canonical().value())).orElse(OptionalDouble.empty());
    }

    /**
     * The same medicine, or another of a duplicate class (two P2Y12 inhibitors, two anticoagulants, two
     * statins), on the active medication list — which holds pending orders too. Moderate and high findings
     * need a reason.
     */
    private List<OrderAlert> duplicates(Chart chart, OrderDraft draft, LocalDate today) {
        List<String> current = chart.medications().stream().filter(m -> m.activeOn(today)).map(Medication::name).toList();
        ModelRef ref = safety.duplicates().ref();
        return safety.duplicates().check(draft.drug(), current).stream().map(f -> OrderAlert.keyed(ref.id(),
                ref.version(), f.source(), f.severity(), f.kind() == org.outpost.app.medicines.DuplicateFinding.Kind.SAME_DRUG
                        ? Text.of("alert.duplicate.same", f.currentDrug())
                        : Text.of("alert.duplicate.class", f.therapeuticClass().orElse("")),
                then(f.message(), f.adviceText()), "", Optional.empty(), f.severity() != Severity.LOW,
                fingerprint(ref.id(), ref.version(), draft.drug(), "duplicate of " + f.currentDrug()))).toList();
    }

    /**
     * Drug–drug interactions with the active medicines. Where the interaction caps the dose of the drug being
     * ordered (simvastatin with amiodarone: 20 mg a day), an order above the cap is a high alert and one within
     * it information. The amiodarone–warfarin pair, when amiodarone is ordered, is left to the IWPC alert,
     * which says how far the warfarin dose falls.
     */
    private List<OrderAlert> interactions(OrderDraft draft, boolean doseKnown, Set<String> active,
                                          boolean amiodaroneAlertShown) {
        ModelRef ref = safety.interactions().ref();
        List<OrderAlert> alerts = new ArrayList<>();
        for (org.outpost.app.interactions.InteractionFinding f : safety.interactions().check(draft.drug(), active)) {
            if (amiodaroneAlertShown && f.key().equals("interaction:" + AMIODARONE + "+" + WARFARIN)) {
                continue;
            }
            Severity severity = f.severity();
            boolean differs = severity != Severity.LOW || f.contraindicated();
            Text text = f.message();
            if (f.orderedIsObject() && f.doseCap().isPresent() && !doseKnown) {
                text = then(text, Text.of("alert.interaction.capUnreadable", new SuggestedCap(f.doseCap().get()).toString()));
            } else if (f.orderedIsObject() && f.doseCap().isPresent()) {
                String cap = new SuggestedCap(f.doseCap().get()).toString();
                switch (f.capCheck(draft.amount(), draft.unit(), draft.frequency())) {
                    case EXCEEDS -> {
                        severity = Severity.HIGH;
                        differs = true;
                        text = then(text, Text.of("alert.interaction.capExceeded", draft.dose(), cap));
                    }
                    case WITHIN -> {
                        if (!f.contraindicated()) {
                            severity = Severity.LOW;
                            differs = false;
                        }
                        text = then(text, Text.of("alert.interaction.capWithin", draft.dose(), cap));
                    }
                    case UNKNOWN -> text = then(text, Text.of("alert.interaction.capUnknown", cap));
                    case NO_CAP -> { }
                }
            }
            alerts.add(OrderAlert.keyed(ref.id(), ref.version(), f.source(), severity,
                    Text.of(f.contraindicated() ? "alert.interaction.contraindicated" : "alert.interaction",
                            f.titleText()), text, "",
                    Optional.empty(), differs, fingerprint(ref.id(), ref.version(), f.key() + "@" + severity, "")));
        }
        return alerts;
    }

    /**
     * Prasugrel ordered for a patient with a recorded stroke or TIA, or for the neurovascular indication: a high
     * alert. EFFIENT (prasugrel) US prescribing information, boxed warning and section 4.2 "Prior transient
     * ischemic attack or stroke": contraindicated (TRITON-TIMI 38, Wiviott SD et al. N Engl J Med
     * 2007;357:2001-2015: net harm in patients with prior stroke/TIA).
     */
    private Optional<OrderAlert> prasugrelAfterStrokeOrTia(Chart chart, OrderDraft draft) {
        if (!draft.drug().equals(PRASUGREL)) {
            return Optional.empty();
        }
        return StrokeOrTiaHistory.recorded(chart, draft, resolver.zone()).map(what -> OrderAlert.keyed(
                PRASUGREL_STROKE_TIA, "1.0.0", "EFFIENT (prasugrel) US prescribing information: boxed warning; "
                + "4.2 Contraindications (prior transient ischemic attack or stroke)", Severity.HIGH,
                Text.of("alert.prasugrel.headline"), Text.of("alert.prasugrel.text", what), "", Optional.empty(), true,
                fingerprint(PRASUGREL_STROKE_TIA, "1.0.0", draft.drug(), what)));
    }

    /** A dose cap as the interaction states it: "20 mg daily". */
    private record SuggestedCap(org.outpost.app.model.SuggestedDose dose) {
        @Override
        public String toString() {
            return dose.amountText() + " " + dose.unit() + " " + dose.frequency();
        }
    }

    /** What the alert cites: the advice's precise source (guideline table, label section), else the model. */
    private static String sourceOf(Recommendation r, String modelTitle) {
        return r.source().isEmpty() ? modelTitle : r.source();
    }

    private static Text headline(RenalDoseAdvice advice) {
        return advice.kidneyValue().isPresent()
                ? Text.of("alert.renal.kidney", advice.measure().abbreviation(),
                        Math.round(advice.kidneyValue().getAsDouble()), advice.measure().unit())
                : Text.of("alert.renal.noCreatinine");
    }

    /** A sentence followed by another ({@code alert.then}: "a b"). */
    private static Text then(Text first, Text next) {
        return Text.of("alert.then", first, next);
    }

    private OptionalDouble value(ClinicalModel model, Chart chart, LocalDate today) {
        Evaluation e = model.evaluate(resolver.resolve(model, chart, today).inputs());
        return e.applicable() ? e.value() : OptionalDouble.empty();
    }

    /**
     * What the pharmacist sees beside an order: active medicines, latest creatinine and weight, kidney function
     * as the dosing checks compute it today (or why not: missing, out of date, out of range), genotype results
     * as the CPIC tables in force read them.
     */
    public PharmacistSnapshot snapshot(Chart chart, LocalDate today) {
        Objects.requireNonNull(chart, "chart");
        List<Medication> active = chart.medications().stream().filter(m -> m.activeOn(today)).toList();
        List<PharmacistSnapshot.GenotypeResult> genotypes = chart.genotypes().stream()
                .map(g -> PharmacistSnapshot.GenotypeResult.of(g, meaning(g))).toList();
        return new PharmacistSnapshot(active, chart.latest(org.outpost.app.domain.Measure.CREATININE),
                chart.latest(org.outpost.app.domain.Measure.BODY_WEIGHT), kidney(crcl, chart, today),
                kidney(egfr, chart, today), genotypes);
    }

    private PharmacistSnapshot.KidneyFunction kidney(ClinicalModel model, Chart chart, LocalDate today) {
        Evaluation e = model.evaluate(resolver.resolve(model, chart, today).inputs());
        if (e.applicable() && e.value().isPresent()) {
            return new PharmacistSnapshot.KidneyFunction(model.ref().title(), e.value(), e.unit(), "");
        }
        Map<String, Text> stale = outOfDate(chart, today, model);
        List<String> why = new ArrayList<>(e.reasons());
        e.missing().forEach(n -> why.add(stale.containsKey(n) ? stale.get(n).english() : "missing " + n));
        return new PharmacistSnapshot.KidneyFunction(model.ref().title(), OptionalDouble.empty(), e.unit(),
                String.join("; ", why));
    }

    private String meaning(org.outpost.app.domain.Genotype g) {
        for (org.outpost.app.pgx.PgxAdvisor a : advisors) {
            Optional<org.outpost.app.pgx.GeneResult> r = a.tables().gene(g.gene()).map(t -> t.interpret(g.diplotype()));
            if (r.isPresent()) {
                return r.get().determinate() ? r.get().phenotype()
                        : org.outpost.app.pgx.PgxAdvisor.INDETERMINATE_PREFIX + r.get().problem();
            }
        }
        return "";
    }

    /** Ordering amiodarone for a patient on warfarin: how much the IWPC estimate of the dose falls. */
    private Optional<OrderAlert> amiodaroneWithWarfarin(Chart chart, LocalDate today, Set<String> active) {
        Optional<DrugModel> warfarin = models.stream().filter(m -> m.appliesTo(WARFARIN)
                && m.model().inputs().stream().anyMatch(s -> s.name().equals(AMIODARONE_INPUT))).findFirst();
        if (warfarin.isEmpty()) {
            return Optional.empty();
        }
        ClinicalModel model = warfarin.get().model();
        ModelInputs inputs = inputs(warfarin.get(), chart, today, active);
        Evaluation without = model.evaluate(inputs.with(AMIODARONE_INPUT, false));
        Evaluation with = model.evaluate(inputs.with(AMIODARONE_INPUT, true));
        Text text = Text.of("alert.amiodarone.text");
        if (without.applicable() && with.applicable() && without.value().isPresent() && with.value().isPresent()) {
            double before = without.value().getAsDouble();
            double after = with.value().getAsDouble();
            text = Text.of("alert.amiodarone.textWithFall", before, after, Math.round(100 * (before - after) / before));
        }
        return Optional.of(OrderAlert.keyed(model.ref().id(), model.ref().version(), model.ref().title(),
                Severity.MODERATE, Text.of("alert.amiodarone.headline"), text, "", Optional.empty(), true,
                fingerprint(model.ref().id(), model.ref().version(), "amiodarone+warfarin",
                        DecisionInputs.canonical(inputs.without(AMIODARONE_INPUT)))));
    }

    private static OrderAlert remembered(OrderAlert alert, Map<String, AnsweredAlert> answered) {
        AnsweredAlert before = answered.get(alert.fingerprint());
        if (before == null || !alert.differs()) {
            return alert;
        }
        return alert.answered(AlertResponse.ANSWERED_BEFORE, before.reason());
    }

    /** Lower-case names of the active medications and each word of them, for matching generic names. */
    static Set<String> activeNames(Chart chart, LocalDate today) {
        Set<String> names = new LinkedHashSet<>();
        for (Medication med : chart.medications()) {
            if (med.activeOn(today)) {
                String name = med.name().strip().toLowerCase(Locale.ROOT);
                names.add(name);
                names.addAll(List.of(name.split("[^\\p{L}]+")));
            }
        }
        names.remove("");
        return names;
    }

    static String fingerprint(ClinicalModel model, String drug, ModelInputs inputs) {
        return fingerprint(model.ref().id(), model.ref().version(), drug, DecisionInputs.canonical(inputs));
    }

    /** SHA-256 of model, version, drug and canonical inputs: equal inputs, equal fingerprint. No names. */
    static String fingerprint(String modelId, String version, String drug, String canonicalInputs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest(String.join("\n", modelId, version, drug, canonicalInputs)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
