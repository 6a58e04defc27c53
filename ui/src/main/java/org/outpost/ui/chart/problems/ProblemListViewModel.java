package org.outpost.ui.chart.problems;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.ClinicalProblem;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.problems.ProblemCatalogue;
import org.outpost.app.problems.ProblemTerm;
import org.outpost.app.usecase.NotPermittedException;
import org.outpost.app.usecase.ProblemListService;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.DateText;
import org.outpost.ui.text.UiText;

/**
 * The problem list and smoking history of the chart on show, and their editors. A problem is picked from the
 * problem catalogue by typing words of its term or the start of its code ("atr fib", "I48"); each row says which
 * models read it. "Reviewed as complete" lets models read a problem's absence as "no" (until then they ask). Each
 * field's error is shown on that field and cleared as soon as it is edited. Writes go through
 * {@link ProblemListService} off the FX thread; the chart reloads after each.
 */
public final class ProblemListViewModel {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ProblemListService service;
    private final ProblemCatalogue catalogue;
    private final PatientId patient;
    private final TaskRunner tasks;
    private final UiText text;
    private final java.time.Clock clock;
    private final ZoneId zone;
    private final Runnable onChanged;
    private final boolean mayEdit;

    private final ObservableList<ProblemRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headerLine = new ReadOnlyStringWrapper(this, "headerLine", "");
    private final ReadOnlyStringWrapper reviewLine = new ReadOnlyStringWrapper(this, "reviewLine", "");
    private final ReadOnlyBooleanWrapper reviewed = new ReadOnlyBooleanWrapper(this, "reviewed");
    private final ReadOnlyStringWrapper smokingLine = new ReadOnlyStringWrapper(this, "smokingLine", "");

    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<ProblemTerm> matches = FXCollections.observableArrayList();
    private final ObjectProperty<ProblemTerm> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final StringProperty onset = new SimpleStringProperty(this, "onset", "");
    private final ObjectProperty<ConditionStatus> status = new SimpleObjectProperty<>(this, "status", ConditionStatus.ACTIVE);
    private final ReadOnlyStringWrapper termError = new ReadOnlyStringWrapper(this, "termError", "");
    private final ReadOnlyStringWrapper onsetError = new ReadOnlyStringWrapper(this, "onsetError", "");

    private final ObjectProperty<SmokingStatus> smoking = new SimpleObjectProperty<>(this, "smoking");
    private final StringProperty perDay = new SimpleStringProperty(this, "perDay", "");
    private final StringProperty asOf = new SimpleStringProperty(this, "asOf", "");
    private final ReadOnlyStringWrapper smokingError = new ReadOnlyStringWrapper(this, "smokingError", "");
    private final ReadOnlyStringWrapper perDayError = new ReadOnlyStringWrapper(this, "perDayError", "");
    private final ReadOnlyStringWrapper asOfError = new ReadOnlyStringWrapper(this, "asOfError", "");
    private final BooleanProperty perDayEnabled = new SimpleBooleanProperty(this, "perDayEnabled");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param mayEdit   whether the user may change the record (the edit controls are hidden otherwise)
     * @param clock     the clinic's clock and time zone: "today" and the days shown
     * @param onChanged called on the FX thread after a change was saved (the chart reloads)
     */
    public ProblemListViewModel(ProblemListService service, ProblemCatalogue catalogue, PatientId patient,
                                boolean mayEdit, TaskRunner tasks, UiText text, java.time.Clock clock, Runnable onChanged) {
        this.service = Objects.requireNonNull(service);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.patient = Objects.requireNonNull(patient);
        this.mayEdit = mayEdit;
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.zone = clock.getZone();
        this.onChanged = Objects.requireNonNull(onChanged);
        query.addListener((o, a, q) -> {
            matches.setAll(catalogue.search(q));
            termError.set("");
            if (chosen.get() != null && !termLabel(chosen.get()).equals(q)) {
                chosen.set(null);
            }
        });
        onset.addListener((o, a, b) -> onsetError.set(""));
        smoking.addListener((o, a, s) -> {
            smokingError.set("");
            perDayEnabled.set(s == SmokingStatus.CURRENT);
            if (s != SmokingStatus.CURRENT) {
                perDay.set("");
            }
        });
        perDay.addListener((o, a, b) -> perDayError.set(""));
        asOf.addListener((o, a, b) -> asOfError.set(""));
        resetSmokingForm();
        show(ProblemList.EMPTY, List.of());
    }

    /** Shows the problem list and smoking history of the chart on show, whenever it is opened or reloaded. */
    public void follow(ReadOnlyObjectProperty<Chart> chart) {
        chart.addListener((o, a, c) -> {
            if (c != null && c.patient().id().equals(patient)) {
                show(c.problems(), c.smoking());
            }
        });
        Chart now = chart.get();
        if (now != null && now.patient().id().equals(patient)) {
            show(now.problems(), now.smoking());
        }
    }

    /** Shows {@code list} and {@code history} as on record. */
    public void show(ProblemList list, List<SmokingRecord> history) {
        rows.setAll(list.conditions().stream()
                .sorted(java.util.Comparator.comparing((Condition c) -> !c.isActive())
                        .thenComparing(c -> c.code().display().toLowerCase(Locale.ROOT)))
                .map(this::row).toList());
        List<String> active = list.active().stream().map(c -> c.code().display()).toList();
        headerLine.set(active.isEmpty()
                ? text.get(list.isReviewed() ? "chart.problems.header.none" : "chart.problems.header.notRecorded")
                : text.get("chart.problems.header.list", String.join(", ", active)));
        reviewed.set(list.isReviewed());
        reviewLine.set(list.reviewed().map(r -> text.get("chart.problems.reviewed", r.by(), day(r.at())))
                .orElseGet(() -> text.get("chart.problems.notReviewed")));
        smokingLine.set(history.isEmpty() ? text.get("chart.problems.smoking.notRecorded")
                : smokingText(history.getLast()));
    }

    private ProblemRow row(Condition c) {
        Set<ClinicalProblem> means = catalogue.conceptsOf(c.code());
        String statusText = switch (c.status()) {
            case ACTIVE -> text.get("chart.problems.status.active");
            case INACTIVE -> text.get("chart.problems.status.inactive");
            case RESOLVED -> c.resolved().map(d -> text.get("chart.problems.status.resolvedOn", DAY.format(d)))
                    .orElseGet(() -> text.get("chart.problems.status.resolved"));
        };
        return new ProblemRow(c.id(), c.code().display(), c.code().system().label() + " " + c.code().code(), statusText,
                c.onset().map(DAY::format).orElse(""),
                text.get("chart.problems.recordedBy", c.recorded().by(), day(c.recorded().at())),
                means.isEmpty() ? text.get("chart.problems.readByNone") : text.get("chart.problems.readByModels"),
                c.isActive());
    }

    private String smokingText(SmokingRecord s) {
        String status = statusLabel(text, s.status());
        return s.cigarettesPerDay().isPresent()
                ? text.get("chart.problems.smoking.amount", status, s.cigarettesPerDay().getAsInt(), DAY.format(s.asOf()))
                : text.get("chart.problems.smoking.line", status, DAY.format(s.asOf()));
    }

    /** The words for a smoking status. */
    public static String statusLabel(UiText text, SmokingStatus status) {
        return switch (status) {
            case NEVER -> text.get("smoking.status.NEVER");
            case FORMER -> text.get("smoking.status.FORMER");
            case CURRENT -> text.get("smoking.status.CURRENT");
        };
    }

    /** How a catalogue term reads in the picker and the search field. */
    public String termLabel(ProblemTerm t) {
        return t.code().display() + " (" + t.code().system().label() + " " + t.code().code() + ")";
    }

    /** Picks a term from the matches; the search field shows it. */
    public void choose(ProblemTerm term) {
        chosen.set(term);
        if (term != null) {
            query.set(termLabel(term));
            termError.set("");
        }
    }

    /** Puts the chosen problem on the list, with the onset and status given. */
    public void add() {
        if (busy.get() || !mayEdit) {
            return;
        }
        boolean ok = true;
        ProblemTerm term = chosen.get();
        if (term == null) {
            termError.set(text.get(query.get().isBlank() ? "chart.problems.chooseTerm" : "chart.problems.notInCatalogue"));
            ok = false;
        }
        Optional<LocalDate> onsetDate = Optional.empty();
        if (!onset.get().isBlank()) {
            LocalDate d = DateText.parse(onset.get()).orElse(null);
            if (d == null) {
                onsetError.set(text.get("chart.problems.notADate"));
                ok = false;
            } else {
                onsetDate = Optional.of(d);
            }
        }
        if (!ok) {
            return;
        }
        ConditionStatus s = status.get() == null ? ConditionStatus.ACTIVE : status.get();
        Optional<LocalDate> start = onsetDate;
        run("problem-add", () -> service.add(patient, term.code(), start, s, Optional.empty()), () -> {
            query.set("");
            chosen.set(null);
            onset.set("");
            status.set(ConditionStatus.ACTIVE);
            matches.clear();
            return text.get("chart.problems.added", term.code().display());
        });
    }

    /** Marks an active problem resolved today, or a past one active again. */
    public void toggle(ProblemRow row) {
        if (busy.get() || !mayEdit || row == null) {
            return;
        }
        ConditionStatus to = row.active() ? ConditionStatus.RESOLVED : ConditionStatus.ACTIVE;
        Optional<LocalDate> end = row.active() ? Optional.of(LocalDate.now(clock)) : Optional.empty();
        run("problem-status", () -> service.changeStatus(patient, row.id(), to, end),
                () -> text.get(row.active() ? "chart.problems.resolvedDone" : "chart.problems.activeAgain", row.term()));
    }

    /** Confirms the list complete as it stands. */
    public void markReviewed() {
        if (busy.get() || !mayEdit) {
            return;
        }
        run("problem-review", () -> {
            service.markReviewed(patient);
            return null;
        }, () -> text.get("chart.problems.reviewDone"));
    }

    /** Records the smoking status chosen. */
    public void saveSmoking() {
        if (busy.get() || !mayEdit) {
            return;
        }
        boolean ok = true;
        SmokingStatus s = smoking.get();
        if (s == null) {
            smokingError.set(text.get("chart.problems.smoking.chooseStatus"));
            ok = false;
        }
        OptionalInt amount = OptionalInt.empty();
        String typed = perDay.get().strip();
        if (!typed.isEmpty()) {
            try {
                amount = OptionalInt.of(Integer.parseInt(typed));
            } catch (NumberFormatException e) {
                perDayError.set(text.get("chart.problems.smoking.notANumber", typed));
                ok = false;
            }
        }
        LocalDate day = asOf.get().isBlank() ? LocalDate.now(clock) : DateText.parse(asOf.get()).orElse(null);
        if (day == null) {
            asOfError.set(text.get("chart.problems.notADate"));
            ok = false;
        }
        if (!ok) {
            return;
        }
        OptionalInt perDayValue = amount;
        run("smoking-record", () -> service.recordSmoking(patient, s, perDayValue, day), () -> {
            resetSmokingForm();
            return text.get("chart.problems.smoking.saved");
        });
    }

    private void resetSmokingForm() {
        smoking.set(null);
        perDay.set("");
        asOf.set(DAY.format(LocalDate.now(clock)));
        smokingError.set("");
        perDayError.set("");
        asOfError.set("");
    }

    private <T> void run(String name, Callable<T> work, java.util.function.Supplier<String> done) {
        busy.set(true);
        error.set("");
        message.set("");
        tasks.run(name, work, result -> {
            busy.set(false);
            message.set(done.get());
            onChanged.run();
        }, failure -> {
            busy.set(false);
            if (failure instanceof ValidationException v) {
                for (Violation violation : v.violations()) {
                    String words = text.domain(violation.key(), violation.args().toArray());
                    switch (violation.field()) {
                        case "onset" -> onsetError.set(words);
                        case "code" -> termError.set(words);
                        case "asOf" -> asOfError.set(words);
                        case "cigarettesPerDay" -> perDayError.set(words);
                        default -> error.set(words);
                    }
                }
            } else if (failure instanceof NotPermittedException refused) {
                error.set(text.notPermitted(refused));
            } else {
                error.set(text.get("chart.problems.failed", tasks.reporter().report(failure).errorId()));
            }
        });
    }

    private String day(java.time.Instant at) {
        return DAY.format(LocalDate.ofInstant(at, zone));
    }

    public boolean mayEdit() {
        return mayEdit;
    }

    public ObservableList<ProblemRow> rows() {
        return rows;
    }

    /** The active problems in one line, for the chart header. */
    public ReadOnlyStringProperty headerLineProperty() {
        return headerLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reviewLineProperty() {
        return reviewLine.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reviewedProperty() {
        return reviewed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty smokingLineProperty() {
        return smokingLine.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<ProblemTerm> matches() {
        return matches;
    }

    public ReadOnlyObjectProperty<ProblemTerm> chosenProperty() {
        return chosen;
    }

    public StringProperty onsetProperty() {
        return onset;
    }

    public ObjectProperty<ConditionStatus> statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty termErrorProperty() {
        return termError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty onsetErrorProperty() {
        return onsetError.getReadOnlyProperty();
    }

    public ObjectProperty<SmokingStatus> smokingProperty() {
        return smoking;
    }

    public StringProperty perDayProperty() {
        return perDay;
    }

    public BooleanProperty perDayEnabledProperty() {
        return perDayEnabled;
    }

    public StringProperty asOfProperty() {
        return asOf;
    }

    public ReadOnlyStringProperty smokingErrorProperty() {
        return smokingError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty perDayErrorProperty() {
        return perDayError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty asOfErrorProperty() {
        return asOfError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
