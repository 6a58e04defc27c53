package org.outpost.ui.chart.sharing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Recorded;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.usecase.ConsentChange;
import org.outpost.app.usecase.ConsentDraft;
import org.outpost.app.usecase.ConsentService;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.UiText;

/**
 * The patient's consent to sharing as the chart shows it, and its editor. The status line says in words what
 * leaves this machine ("Sharing not recorded: nothing leaves this machine"). Editing offers what makes sense for
 * the consent on record: while it is given, genotypes on or off, or a withdrawal (asked to be confirmed, since it
 * stops all further sync of the patient at once); otherwise give (genotypes separately, off unless ticked) or
 * refuse. Saving goes through {@link ConsentService} off the FX thread; a withdrawal's result line says how many
 * waiting summaries will not be sent.
 */
public final class SharingConsentViewModel {
    private final ConsentService service;
    private final PatientId patient;
    private final TaskRunner tasks;
    private final UiText text;
    private final ZoneId zone;
    private final Runnable onChanged;

    private SharingConsent current = SharingConsent.notRecorded();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper sharing = new ReadOnlyBooleanWrapper(this, "sharing");
    private final ReadOnlyBooleanWrapper mayEdit = new ReadOnlyBooleanWrapper(this, "mayEdit");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final ReadOnlyBooleanWrapper confirmingWithdrawal = new ReadOnlyBooleanWrapper(this, "confirmingWithdrawal");
    private final ObjectProperty<Consent> answer = new SimpleObjectProperty<>(this, "answer");
    private final BooleanProperty genotypes = new SimpleBooleanProperty(this, "genotypes");
    private final ReadOnlyBooleanWrapper genotypesAllowed = new ReadOnlyBooleanWrapper(this, "genotypesAllowed");
    private final ReadOnlyBooleanWrapper given = new ReadOnlyBooleanWrapper(this, "given");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /**
     * @param mayEdit   whether the user may change the consent (the right to edit the patient record)
     * @param zone      the clinic's time zone, for the days shown
     * @param onChanged called on the FX thread after a change was saved (the chart reloads)
     */
    public SharingConsentViewModel(ConsentService service, PatientId patient, boolean mayEdit, TaskRunner tasks,
                                   UiText text, ZoneId zone, Runnable onChanged) {
        this.service = Objects.requireNonNull(service);
        this.patient = Objects.requireNonNull(patient);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.zone = Objects.requireNonNull(zone);
        this.onChanged = Objects.requireNonNull(onChanged);
        this.mayEdit.set(mayEdit);
        answer.addListener((o, a, b) -> {
            genotypesAllowed.set(b == Consent.GIVEN);
            if (b != Consent.GIVEN) {
                genotypes.set(false);
            }
        });
        show(current);
    }

    /** Shows the consent of the chart on show, whenever it is opened or reloaded. */
    public void follow(ReadOnlyObjectProperty<Chart> chart) {
        chart.addListener((o, a, c) -> {
            if (c != null && c.patient().id().equals(patient)) {
                show(c.patient().consent());
            }
        });
        Chart now = chart.get();
        if (now != null && now.patient().id().equals(patient)) {
            show(now.patient().consent());
        }
    }

    /** Shows {@code consent} as the one on record. */
    public void show(SharingConsent consent) {
        current = Objects.requireNonNull(consent);
        status.set(statusOf(consent));
        sharing.set(consent.sharesSummaries());
        given.set(consent.summaries() == Consent.GIVEN);
    }

    /** The status line for {@code c}. */
    private String statusOf(SharingConsent c) {
        return switch (c.summaries()) {
            case UNKNOWN -> text.get("chart.sharing.notRecorded");
            case GIVEN -> c.recorded().map(r -> text.get(c.genotypes() ? "chart.sharing.givenGenotypes"
                    : "chart.sharing.given", r.by(), day(r))).orElseGet(() -> text.get("chart.sharing.givenEarlier"));
            case REFUSED -> c.recorded().map(r -> text.get("chart.sharing.refused", r.by(), day(r)))
                    .orElseGet(() -> text.get("chart.sharing.refusedEarlier"));
            case WITHDRAWN -> {
                Recorded w = c.withdrawn().orElseThrow();
                yield text.get("chart.sharing.withdrawn", day(w), w.by());
            }
        };
    }

    private String day(Recorded r) {
        return LocalDate.ofInstant(r.at(), zone).toString();
    }

    /** Opens the editor on the consent on record. */
    public void edit() {
        if (!mayEdit.get()) {
            return;
        }
        answer.set(current.summaries() == Consent.GIVEN ? Consent.GIVEN
                : current.summaries() == Consent.REFUSED ? Consent.REFUSED : null);
        genotypes.set(current.genotypes());
        genotypesAllowed.set(answer.get() == Consent.GIVEN);
        confirmingWithdrawal.set(false);
        error.set("");
        message.set("");
        editing.set(true);
    }

    /** Closes the editor without saving. */
    public void cancel() {
        editing.set(false);
        confirmingWithdrawal.set(false);
        error.set("");
    }

    /** Records the chosen answer (given with or without genotypes, or refused). */
    public void save() {
        if (busy.get()) {
            return;
        }
        Consent chosen = answer.get();
        if (chosen == null) {
            error.set(text.get("chart.sharing.chooseAnswer"));
            return;
        }
        if (chosen == Consent.REFUSED && current.summaries() == Consent.GIVEN) {
            error.set(text.get("chart.sharing.withdrawInstead"));
            return;
        }
        ConsentDraft draft = chosen == Consent.GIVEN ? ConsentDraft.given(genotypes.get()) : ConsentDraft.refused();
        run("consent-record", () -> service.record(patient, draft), change -> text.get("chart.sharing.saved"));
    }

    /** First step of a withdrawal: asks for confirmation (the view shows what it will do). */
    public void askToWithdraw() {
        if (current.summaries() == Consent.GIVEN && mayEdit.get()) {
            confirmingWithdrawal.set(true);
            error.set("");
        }
    }

    /** Withdraws the consent, once confirmed; the result line says how many waiting summaries will not be sent. */
    public void withdraw() {
        if (busy.get() || !confirmingWithdrawal.get()) {
            return;
        }
        run("consent-withdraw", () -> service.withdraw(patient),
                change -> text.get("chart.sharing.withdrawnDropped", change.droppedPending()));
    }

    private void run(String name, java.util.concurrent.Callable<ConsentChange> work,
                     java.util.function.Function<ConsentChange, String> done) {
        busy.set(true);
        error.set("");
        tasks.run(name, work, change -> {
            busy.set(false);
            show(change.consent());
            editing.set(false);
            confirmingWithdrawal.set(false);
            message.set(done.apply(change));
            onChanged.run();
        }, failure -> {
            busy.set(false);
            if (failure instanceof IllegalStateException || failure instanceof SecurityException) {
                // expected: the consent changed elsewhere meanwhile, or the role may not; said next to the editor
                error.set(text.get("chart.sharing.notChanged",
                        failure instanceof org.outpost.app.usecase.NotPermittedException refused
                                ? text.notPermitted(refused) : failure.getMessage()));
            } else {
                error.set(text.get("chart.sharing.failed", tasks.reporter().report(failure).errorId()));
            }
        });
    }

    /** What leaves this machine for the patient, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while de-identified summaries of the patient may be sent. */
    public ReadOnlyBooleanProperty sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty mayEditProperty() {
        return mayEdit.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** True between {@link #askToWithdraw()} and the withdrawal or {@link #cancel()}. */
    public ReadOnlyBooleanProperty confirmingWithdrawalProperty() {
        return confirmingWithdrawal.getReadOnlyProperty();
    }

    /** The answer chosen in the editor: {@link Consent#GIVEN}, {@link Consent#REFUSED} or none yet. */
    public ObjectProperty<Consent> answerProperty() {
        return answer;
    }

    /** Whether genotypes go with the summaries (only with {@link Consent#GIVEN}). */
    public BooleanProperty genotypesProperty() {
        return genotypes;
    }

    public ReadOnlyBooleanProperty genotypesAllowedProperty() {
        return genotypesAllowed.getReadOnlyProperty();
    }

    /** True while the consent on record is given: it can be withdrawn, not refused. */
    public ReadOnlyBooleanProperty givenProperty() {
        return given.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last change did ("Consent withdrawn: 1 pending summary will not be sent"). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
