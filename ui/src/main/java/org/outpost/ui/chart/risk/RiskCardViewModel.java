package org.outpost.ui.chart.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.decision.Decision;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.usecase.RiskDecisions;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.PatientId;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.Contribution;
import org.outpost.app.model.Evaluation;
import org.outpost.app.model.InputResolver;
import org.outpost.app.model.InputSource;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRef;
import org.outpost.app.model.ResolvedInputs;
import org.outpost.app.whatif.WhatIf;
import org.outpost.app.whatif.WhatIfs;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * One model on the risk panel: its result on the chart's inputs, the inputs with their sources (editable
 * for a what-if that is never saved to the chart), each input's contribution, side-by-side what-ifs (proposed by
 * {@link WhatIfs} from the concepts the model declares), the
 * latest decision (stale once the inputs or the model version differ), and the three decisions.
 *
 * <p>Inputs the chart cannot fill (smoking, race, diagnoses…) start from the latest decision's values, so
 * the clinician does not type them again; measured inputs never do, so an expired measurement shows as
 * missing and the decision as stale. Evaluation runs on the task runner; a result that arrives after a
 * newer edit is dropped.
 */
public final class RiskCardViewModel {
    /** A day and a time, and a day, as the reader's language writes them (the app's clinical bundle). */
    private final DateTimeFormatter whenFormat;
    private final DateTimeFormatter dayFormat;

    private final ClinicalModel model;
    private final PatientId patient;
    private final RiskDecisions decisions;
    private final TaskRunner tasks;
    private final UiText text;
    private final ZoneId zone;
    private final List<InputField> fields = new ArrayList<>();

    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(this, "applicable");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper decidable = new ReadOnlyBooleanWrapper(this, "decidable");
    private final ReadOnlyStringWrapper nothingToDecide = new ReadOnlyStringWrapper(this, "nothingToDecide", "");
    private final ReadOnlyStringWrapper decision = new ReadOnlyStringWrapper(this, "decision", "");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyStringWrapper staleText = new ReadOnlyStringWrapper(this, "staleText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<String> contributions = FXCollections.observableArrayList();
    private final ObservableList<Comparison> comparisons = FXCollections.observableArrayList();
    private final ObservableList<String> contributionsView = FXCollections.unmodifiableObservableList(contributions);
    private final ObservableList<Bar> bars = FXCollections.observableArrayList();
    private final ObservableList<Bar> barsView = FXCollections.unmodifiableObservableList(bars);
    private final ObservableList<Comparison> comparisonsView = FXCollections.unmodifiableObservableList(comparisons);

    private Evaluation current;
    private ModelInputs currentInputs = ModelInputs.empty();
    private Decision latest;
    private long generation;

    RiskCardViewModel(ClinicalModel model, ResolvedInputs resolved, Optional<Decision> latest, PatientId patient,
                      RiskDecisions decisions, TaskRunner tasks, UiText text, ZoneId zone) {
        this.model = Objects.requireNonNull(model);
        this.patient = Objects.requireNonNull(patient);
        this.decisions = Objects.requireNonNull(decisions);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.whenFormat = text.clinicalTexts().dateTimeFormatter();
        this.dayFormat = text.clinicalTexts().dateFormatter();
        this.zone = Objects.requireNonNull(zone);
        this.latest = latest.orElse(null);
        ModelInputs earlier = latest.map(Decision::inputValues).orElse(ModelInputs.empty());
        String entered = text.get("chart.risk.source.entered");
        for (InputSpec spec : model.inputs()) {
            Object value = resolved.inputs().asMap().get(spec.name());
            String shown = "";
            String source = resolved.expiredSource(spec.name())
                    .map(old -> text.get("chart.risk.source.expired",
                            dayFormat.format(old.effective().atZone(zone)), model.freshness().toTotalMonths()))
                    .orElse(text.get("chart.risk.source.none"));
            if (value != null) {
                shown = format(value);
                source = describe(resolved.source(spec.name()).orElseThrow());
            } else if (carriesOver(spec) && earlier.has(spec.name())) {
                shown = format(earlier.asMap().get(spec.name()));
                source = text.get("chart.risk.source.decision", dayFormat.format(this.latest.decidedAt().atZone(zone)));
            }
            List<String> choices = switch (spec.kind()) {
                case BOOLEAN -> List.of("yes", "no");
                case CHOICE -> spec.choices();
                case NUMBER, TEXT -> List.of();
            };
            String label = text.input(spec);
            InputField field = new InputField(spec, label, choices, shown, source, entered);
            field.textProperty().addListener((o, a, b) -> recompute());
            fields.add(field);
        }
        recompute();
    }

    /** Inputs the chart can never fill again carry over from the last decision; measurements do not. */
    private static boolean carriesOver(InputSpec spec) {
        return spec.measure().isEmpty() && !spec.name().equals(InputResolver.BMI) && !spec.name().equals(InputResolver.AGE);
    }

    // ---- evaluation -------------------------------------------------------------------------------------

    private record Computed(ModelInputs inputs, Map<String, String> errors, Evaluation evaluation,
                            List<WhatIf> scenarios, List<Evaluation> whatIfs) { }

    private void recompute() {
        Map<String, String> raw = new LinkedHashMap<>();
        fields.forEach(f -> raw.put(f.name(), f.textProperty().get()));
        long gen = ++generation;
        tasks.run("risk-evaluate", () -> compute(raw), c -> {
            if (gen == generation) {
                apply(c);
            }
        });
    }

    private Computed compute(Map<String, String> raw) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InputSpec spec : model.inputs()) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put(spec.name(), raw.get(spec.name()));
            List<String> problems = ModelInputs.parse(List.of(spec), one).errors();
            if (!problems.isEmpty()) {
                errors.put(spec.name(), problems.getFirst().substring(spec.name().length() + 2));
            }
        }
        ModelInputs inputs = ModelInputs.parse(model.inputs(), raw).inputs();
        Evaluation evaluation = model.evaluate(inputs);
        List<WhatIf> scenarios = WhatIfs.propose(model, inputs);
        List<Evaluation> whatIfs = scenarios.stream().map(s -> model.evaluate(s.applyTo(inputs))).toList();
        return new Computed(inputs, errors, evaluation, scenarios, whatIfs);
    }

    /** A what-if in words (the app proposes it; the screen names it). */
    private String label(WhatIf whatIf) {
        return switch (whatIf.kind()) {
            case SBP_AT_TARGET -> text.get("chart.risk.whatIf.sbp", Measure.format(WhatIfs.SBP_TARGET_MM_HG));
            case STOP_SMOKING -> text.get("chart.risk.whatIf.smoking");
            case START_STATIN -> text.get("chart.risk.whatIf.statin");
        };
    }

    private void apply(Computed c) {
        for (InputField f : fields) {
            f.setError(c.errors().getOrDefault(f.name(), ""));
            f.setEstimated(c.evaluation().imputed(f.name())
                    .map(i -> text.get("chart.risk.estimated", i.value() instanceof Double d ? round(d)
                            : i.value().toString(), i.basis()))
                    .orElse(""));
        }
        current = c.evaluation();
        currentInputs = c.inputs();
        valid.set(c.errors().isEmpty());
        applicable.set(current.applicable());
        decidable.set(current.applicable() && valid.get());
        nothingToDecide.set(!valid.get() ? text.get("chart.risk.nothingToDecide.fix") : current.applicable() ? ""
                : !current.reasonTexts().isEmpty() ? text.get("chart.risk.nothingToDecide.notApplicable")
                : text.get("chart.risk.nothingToDecide.missing"));
        result.set(describe(current));
        contributions.setAll(current.contributions().stream().map(this::describe).toList());
        bars.setAll(bars(current));
        List<Comparison> rows = new ArrayList<>();
        for (int i = 0; i < c.scenarios().size(); i++) {
            rows.add(new Comparison(label(c.scenarios().get(i)), result.get(), describe(c.whatIfs().get(i))));
        }
        comparisons.setAll(rows);
        showDecision();
    }

    // ---- decisions --------------------------------------------------------------------------------------

    /**
     * Records that the clinician has seen the result. Like every decision, only on a result: a card that is not
     * applicable (missing inputs, outside the validated population) has nothing to acknowledge (returns false,
     * nothing is saved).
     */
    public boolean acknowledge() {
        return decide(DecisionKind.ACKNOWLEDGED, "");
    }

    /** Records that the result's recommendation goes into the plan; refused when there is no result to accept. */
    public boolean acceptIntoPlan() {
        return decide(DecisionKind.ACCEPTED_INTO_PLAN, "");
    }

    /**
     * Records an override with its reason; a blank or over-long reason is refused (returns false, nothing is
     * saved). An override disagrees with a result, so, like the other decisions, it needs one: "not applicable"
     * already says the model does not apply.
     */
    public boolean override(String reason) {
        if (!canDecide()) {
            return false;
        }
        if (reason == null || reason.isBlank()) {
            status.set(text.get("chart.risk.reasonRequired"));
            return false;
        }
        if (reason.strip().length() > Decision.MAX_REASON) {
            status.set(text.get("chart.risk.reasonTooLong", Decision.MAX_REASON));
            return false;
        }
        return decide(DecisionKind.OVERRIDDEN, reason.strip());
    }

    private boolean canDecide() {
        if (!valid.get() || current == null) {
            status.set(text.get("chart.risk.fixInputs"));
            return false;
        }
        if (!current.applicable()) {
            status.set(nothingToDecide.get());
            return false;
        }
        return true;
    }

    private boolean decide(DecisionKind kind, String reason) {
        if (!canDecide()) {
            return false;
        }
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        status.set("");
        Evaluation evaluation = current;
        ModelInputs inputs = currentInputs;
        tasks.run("risk-decision", () -> decisions.record(patient, evaluation, inputs, kind, reason), saved -> {
            busy.set(false);
            latest = saved;
            showDecision();
            status.set(text.get("chart.risk.recorded"));
        }, failure -> {
            busy.set(false);
            status.set(failure instanceof SecurityException ? text.get("chart.risk.notAllowed")
                    : text.get("chart.risk.failed", tasks.reporter().report(failure).errorId()));
        });
        return true;
    }

    private void showDecision() {
        if (latest == null) {
            decision.set(text.get("chart.risk.noDecision"));
            stale.set(false);
            staleText.set("");
            return;
        }
        String when = whenFormat.format(latest.decidedAt().atZone(zone));
        String what = switch (latest.kind()) {
            case ACKNOWLEDGED -> text.get("chart.risk.kind.acknowledged", latest.username(), when);
            case ACCEPTED_INTO_PLAN -> text.get("chart.risk.kind.accepted", latest.username(), when);
            case OVERRIDDEN -> text.get("chart.risk.kind.overridden", latest.username(), when, latest.reason());
        };
        decision.set(what);
        ModelRef ref = model.ref();
        boolean isStale = latest.isStaleFor(ref, currentInputs);
        stale.set(isStale);
        String day = dayFormat.format(latest.decidedAt().atZone(zone));
        staleText.set(!isStale ? "" : latest.modelVersion().equals(ref.version())
                ? text.get("chart.risk.staleInputs", day) : text.get("chart.risk.staleModel", day, latest.modelVersion()));
    }

    // ---- words ------------------------------------------------------------------------------------------

    private String describe(Evaluation e) {
        if (e.applicable()) {
            String result;
            if (e.value().isPresent()) {
                String value = round(e.value().getAsDouble());
                String plain = e.category().map(c -> text.get("chart.risk.result", value, e.unit(), text.category(c)))
                        .orElseGet(() -> text.get("chart.risk.resultNoCategory", value, e.unit()));
                // a learned model's number comes with its spread: shown as a range, never the number alone
                result = e.spread().map(s -> text.get("chart.risk.spread", value, round(s.low()), round(s.high()),
                        e.unit(), s.description())).orElse(plain);
            } else {
                result = e.category().map(text::category).orElse("");
            }
            // advising models (dosing, pharmacogenomics) say what to do as well
            return e.recommendation().map(r -> text.get("chart.risk.advice", result, text.clinical(r.message()))).orElse(result);
        }
        List<String> parts = new ArrayList<>();
        if (!e.reasonTexts().isEmpty()) {
            parts.add(text.get("chart.risk.notApplicable",
                    String.join("; ", e.reasonTexts().stream().map(text::clinical).toList())));
        }
        if (!e.missing().isEmpty()) {
            parts.add(text.get("chart.risk.missing", String.join("; ", e.missing().stream().map(this::labelOf).toList())));
        }
        return String.join(" \u00b7 ", parts);
    }

    private String describe(Contribution c) {
        String sign = c.amount() > 0 ? "+" : "";
        return text.get("chart.risk.contribution", labelOf(c.input()), sign + round(c.amount()), c.unit());
    }

    /**
     * One bar of the explanation chart: an input's term, largest first (the baseline last), with its size relative to
     * the largest term so the view can draw it without knowing the units.
     *
     * @param label    the input as the form names it
     * @param amount   the term, signed (positive raises the result)
     * @param relative |amount| over the largest |amount| of the evaluation, 0–1
     * @param text     the term in words, e.g. "+0.8 log-odds"
     */
    public record Bar(String label, double amount, double relative, String text) {
    }

    private List<Bar> bars(Evaluation e) {
        List<Contribution> terms = e.contributions().stream()
                .filter(c -> Double.isFinite(c.amount()))
                .sorted(java.util.Comparator.comparing((Contribution c) -> c.input().equals(Contribution.BASELINE))
                        .thenComparing(c -> -Math.abs(c.amount())))
                .toList();
        double largest = terms.stream().mapToDouble(c -> Math.abs(c.amount())).max().orElse(0);
        return terms.stream().map(c -> new Bar(c.input().equals(Contribution.BASELINE)
                        ? text.get("chart.risk.baseline") : labelOf(c.input()), c.amount(),
                        largest == 0 ? 0 : Math.abs(c.amount()) / largest,
                        (c.amount() > 0 ? "+" : "") + round(c.amount()) + " " + c.unit()))
                .toList();
    }

    private String labelOf(String input) {
        return fields.stream().filter(f -> f.name().equals(input)).map(InputField::label).findFirst().orElse(input);
    }

    private String describe(InputSource source) {
        return switch (source) {
            case InputSource.FromObservation o -> text.get("chart.risk.source.observation", text.measure(o.measure()),
                    whenFormat.format(o.effective().atZone(zone)));
            case InputSource.FromRegistration r -> r.field().equals("birthDate")
                    ? text.get("chart.risk.source.birthDate") : text.get("chart.risk.source.registration");
            case InputSource.FromMedications m -> m.matched().isEmpty() ? text.get("chart.risk.source.noMedication")
                    : text.get("chart.risk.source.medications", String.join(", ", m.matched()));
            case InputSource.Calculated k -> text.get("chart.risk.source.calculated",
                    String.join(", ", k.from().stream().map(text::measure).toList()), dayFormat.format(k.effective().atZone(zone)));
            case InputSource.FromGenotype g -> text.get("chart.risk.source.genotype", g.gene(),
                    dayFormat.format(g.resultDate()));
            case InputSource.FromProblemList p -> p.matched().isEmpty()
                    ? text.get("chart.risk.source.problemListReviewed", dayFormat.format(p.reviewedAt().orElseThrow().atZone(zone)))
                    : text.get("chart.risk.source.problemList", String.join(", ", p.matched()));
            case InputSource.FromSmokingHistory s -> text.get("chart.risk.source.smoking",
                    text.get("smoking.status." + s.status().name()), dayFormat.format(s.asOf()));
            case InputSource.Entered e -> text.get("chart.risk.source.entered");
        };
    }

    private static String format(Object value) {
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (value instanceof Double d) {
            return Measure.format(d);
        }
        return value.toString();
    }

    private static String round(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    // ---- properties -------------------------------------------------------------------------------------

    public ModelRef ref() {
        return model.ref();
    }

    /** "id version · source". */
    public String reference() {
        return text.get("chart.risk.reference", model.ref().id(), model.ref().version(), model.ref().source());
    }

    public String title() {
        return model.ref().title();
    }

    public List<InputField> inputs() {
        return List.copyOf(fields);
    }

    public InputField input(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No input " + name));
    }

    /** "3 points — high", or "Not applicable: …" / "Missing: …" (never a number when not applicable). */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }

    /** False while any input's text is refused; decisions wait until it is corrected. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /**
     * True when the card has a result to acknowledge, accept or override: the model applies and every input's text
     * is accepted. The view offers the decisions only then.
     */
    public ReadOnlyBooleanProperty decidableProperty() {
        return decidable.getReadOnlyProperty();
    }

    /** Why there is nothing to decide (inputs missing, refused, or the model not applicable); empty when there is. */
    public ReadOnlyStringProperty nothingToDecideProperty() {
        return nothingToDecide.getReadOnlyProperty();
    }

    /** Each input's share of the result, in words. */
    public ObservableList<String> contributions() {
        return contributionsView;
    }

    /** The contributions as the bars of a chart, largest first (empty for models that give none). */
    public ObservableList<Bar> bars() {
        return barsView;
    }

    /** Whether the model has a card (a learned model; a published equation's source is its card). */
    public boolean hasModelCard() {
        return model instanceof org.outpost.app.ml.LearnedModel;
    }

    /**
     * The model card, for a learned model; empty for published equations. Reading it may load the model's files the
     * first time (a fraction of a second): call it when the user asks for the card, and lay out with
     * {@link #hasModelCard()}.
     */
    public Optional<org.outpost.app.ml.ModelCard> modelCard() {
        return model instanceof org.outpost.app.ml.LearnedModel learned ? Optional.of(learned.card()) : Optional.empty();
    }

    /** Current result next to each what-if the model has inputs for. */
    public ObservableList<Comparison> comparisons() {
        return comparisonsView;
    }

    /** The latest decision in words, or that there is none. */
    public ReadOnlyStringProperty decisionProperty() {
        return decision.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** "Stale — inputs changed since <date>" when stale, otherwise empty. */
    public ReadOnlyStringProperty staleTextProperty() {
        return staleText.getReadOnlyProperty();
    }

    /** What the last action did, or why it did not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The latest decision, if any. */
    public Optional<Decision> latestDecision() {
        return Optional.ofNullable(latest);
    }
}
