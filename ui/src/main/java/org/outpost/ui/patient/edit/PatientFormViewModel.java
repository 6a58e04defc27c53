package org.outpost.ui.patient.edit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.usecase.DuplicateCandidate;
import org.outpost.app.usecase.PatientDraft;
import org.outpost.app.usecase.PatientRegistry;
import org.outpost.app.usecase.PossibleDuplicateException;
import org.outpost.app.validation.ValidationException;
import org.outpost.app.validation.Violation;
import org.outpost.ui.concurrent.TaskRunner;
import org.outpost.ui.text.AllergyText;
import org.outpost.ui.text.DateEntry;
import org.outpost.ui.text.UiText;

/**
 * Registering a new patient or editing one. The rules are {@link PatientDraft#validate}'s; a field's
 * message shows once the user has typed there or tried to save. When saving a new patient finds likely
 * duplicates, they are shown first and the user either opens the existing chart or registers anyway.
 */
public final class PatientFormViewModel {
    /** The fields that can carry a message. */
    public static final List<String> FIELDS = List.of("mrn", "familyName", "givenName", "sex", "birthDate", "phone",
            "allergies");

    private final PatientRegistry registry;
    private final TaskRunner tasks;
    private final UiText text;
    private final Clock clock;
    private final Optional<Patient> existing;
    private final Consumer<Patient> onSaved;
    private final Consumer<PatientId> onOpenExisting;

    private final StringProperty mrn = new SimpleStringProperty(this, "mrn", "");
    private final StringProperty familyName = new SimpleStringProperty(this, "familyName", "");
    private final StringProperty givenName = new SimpleStringProperty(this, "givenName", "");
    private final ObjectProperty<Sex> sex = new SimpleObjectProperty<>(this, "sex");
    private final DateEntry birthDate = new DateEntry();
    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final ObjectProperty<Consent> consent = new SimpleObjectProperty<>(this, "consent", Consent.UNKNOWN);
    private final ObjectProperty<AllergyDraft.Choice> allergyChoice =
            new SimpleObjectProperty<>(this, "allergyChoice", AllergyDraft.Choice.NOT_RECORDED);
    private final ObservableList<AllergyDraft.Entry> allergyEntries = FXCollections.observableArrayList();
    private final StringProperty newSubstance = new SimpleStringProperty(this, "newSubstance", "");
    private final StringProperty newReaction = new SimpleStringProperty(this, "newReaction", "");
    private final ObjectProperty<AllergySeverity> newSeverity =
            new SimpleObjectProperty<>(this, "newSeverity", AllergySeverity.UNKNOWN);
    private final ReadOnlyStringWrapper allergyRecorded = new ReadOnlyStringWrapper(this, "allergyRecorded", "");

    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final ObservableList<DuplicateCandidate> candidates = FXCollections.observableArrayList();
    private final ObservableList<DuplicateCandidate> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private final ReadOnlyBooleanWrapper reviewingDuplicates = new ReadOnlyBooleanWrapper(this, "reviewingDuplicates");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper(this, "formError", "");
    private boolean attempted;

    public PatientFormViewModel(PatientRegistry registry, TaskRunner tasks, UiText text, Clock clock,
                                Optional<Patient> existing, Consumer<Patient> onSaved,
                                Consumer<PatientId> onOpenExisting) {
        this.registry = Objects.requireNonNull(registry);
        this.tasks = Objects.requireNonNull(tasks);
        this.text = Objects.requireNonNull(text);
        this.clock = Objects.requireNonNull(clock);
        this.existing = Objects.requireNonNull(existing);
        this.onSaved = Objects.requireNonNull(onSaved);
        this.onOpenExisting = Objects.requireNonNull(onOpenExisting);
        FIELDS.forEach(f -> errors.put(f, new ReadOnlyStringWrapper(this, f + "Error", "")));
        existing.ifPresent(this::fill);
        watch("mrn", mrn);
        watch("familyName", familyName);
        watch("givenName", givenName);
        watch("sex", sex);
        watch("birthDate", birthDate.textProperty());
        watch("phone", phone);
        watch("allergies", allergyChoice);
        allergyEntries.addListener((javafx.collections.ListChangeListener<AllergyDraft.Entry>) ch -> {
            touched.add("allergies");
            validate();
        });
    }

    private void fill(Patient p) {
        mrn.set(p.mrn().value());
        familyName.set(p.familyName());
        givenName.set(p.givenName());
        sex.set(p.sex());
        birthDate.set(p.birthDate());
        address.set(p.address());
        phone.set(p.phone());
        consent.set(p.consent().summaries());
        AllergyDraft allergies = AllergyDraft.of(p.allergies());
        allergyChoice.set(allergies.choice());
        allergyEntries.setAll(allergies.entries());
        if (p.allergies() instanceof AllergyStatus.NoKnownAllergies n) {
            allergyRecorded.set(text.get("patient.allergies.recorded", n.recorded().by(),
                    LocalDate.ofInstant(n.recorded().at(), clock.getZone()).toString()));
        }
    }

    private void watch(String field, Property<?> property) {
        property.addListener((o, a, b) -> {
            touched.add(field);
            validate();
        });
    }

    public boolean isNew() {
        return existing.isEmpty();
    }

    public StringProperty mrnProperty() {
        return mrn;
    }

    public StringProperty familyNameProperty() {
        return familyName;
    }

    public StringProperty givenNameProperty() {
        return givenName;
    }

    public ObjectProperty<Sex> sexProperty() {
        return sex;
    }

    /** The date of birth as typed (ISO or day first); a date picked from the calendar arrives here as ISO. */
    public StringProperty birthDateTextProperty() {
        return birthDate.textProperty();
    }

    /** The date of birth the text names; null while blank or not a date. */
    public javafx.beans.property.ReadOnlyObjectProperty<LocalDate> birthDateProperty() {
        return birthDate.dateProperty();
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<Consent> consentProperty() {
        return consent;
    }

    /** Not recorded, no known allergies, or a list. */
    public ObjectProperty<AllergyDraft.Choice> allergyChoiceProperty() {
        return allergyChoice;
    }

    /** The list's entries as they will be saved. */
    public ObservableList<AllergyDraft.Entry> allergyEntries() {
        return allergyEntries;
    }

    /** The substance of the entry being added. */
    public StringProperty newSubstanceProperty() {
        return newSubstance;
    }

    /** The reaction of the entry being added (may stay blank). */
    public StringProperty newReactionProperty() {
        return newReaction;
    }

    /** The severity of the entry being added. */
    public ObjectProperty<AllergySeverity> newSeverityProperty() {
        return newSeverity;
    }

    /** Who recorded "no known allergies" and when, for an existing patient; empty otherwise. */
    public ReadOnlyStringProperty allergyRecordedProperty() {
        return allergyRecorded.getReadOnlyProperty();
    }

    /**
     * Adds the entry being typed to the list (and chooses the list); nothing happens while its substance is blank.
     * The typing fields are cleared for the next one.
     */
    public void addAllergy() {
        if (newSubstance.get() == null || newSubstance.get().isBlank()) {
            return;
        }
        allergyEntries.add(new AllergyDraft.Entry(newSubstance.get(), newReaction.get(), newSeverity.get()));
        allergyChoice.set(AllergyDraft.Choice.LIST);
        newSubstance.set("");
        newReaction.set("");
        newSeverity.set(AllergySeverity.UNKNOWN);
    }

    /** Removes an entry from the list. */
    public void removeAllergy(AllergyDraft.Entry entry) {
        allergyEntries.remove(entry);
    }

    /** An entry as the list shows it: "penicillin — anaphylaxis (life-threatening)". */
    public String describe(AllergyDraft.Entry e) {
        return AllergyText.entry(text, e.substance(), e.reaction(), e.severity());
    }

    /** A severity as the user reads it. */
    public String severityName(AllergySeverity severity) {
        return AllergyText.severity(text, severity);
    }

    /** The message for one of {@link #FIELDS}, empty when the field is fine or not yet touched. */
    public ReadOnlyStringProperty errorProperty(String field) {
        ReadOnlyStringWrapper e = errors.get(field);
        if (e == null) {
            throw new IllegalArgumentException("No such field: " + field);
        }
        return e.getReadOnlyProperty();
    }

    /** Existing patients who may be the same person, shown before a registration goes ahead. */
    public ObservableList<DuplicateCandidate> candidates() {
        return candidatesView;
    }

    public ReadOnlyBooleanProperty reviewingDuplicatesProperty() {
        return reviewingDuplicates.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** A problem with the form as a whole (a failed save). */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    /** Why a candidate looks like the same person, in words. */
    public String reason(DuplicateCandidate candidate) {
        return text.domain(candidate.reason());
    }

    public PatientDraft draft() {
        return new PatientDraft(mrn.get(), familyName.get(), givenName.get(), sex.get(), birthDate.date(),
                address.get(), phone.get(), consent.get(), new AllergyDraft(allergyChoice.get(), List.copyOf(allergyEntries)));
    }

    /** Re-checks every field; returns true when the draft may be saved. */
    private boolean validate() {
        List<Violation> problems = draft().validate(LocalDate.now(clock));
        show(problems);
        return problems.isEmpty() && !birthDate.isUnreadable();
    }

    private void show(List<Violation> problems) {
        errors.forEach((field, message) -> {
            boolean shown = attempted || touched.contains(field);
            if (field.equals("birthDate") && birthDate.isUnreadable()) {
                // the text stays as typed; the message says why it is not a date, on the date's own field
                message.set(shown ? text.get("form.date.notADate") : "");
                return;
            }
            Optional<Violation> v = problems.stream().filter(p -> p.field().equals(field)).findFirst();
            message.set(v.isPresent() && shown ? text.violation(v.get()) : "");
        });
    }

    /** Saves: registers (after the duplicate check) or updates. */
    public void save() {
        attempted = true;
        formError.set("");
        if (busy.get() || !validate()) {
            return;
        }
        PatientDraft draft = draft();
        if (existing.isPresent()) {
            PatientId id = existing.get().id();
            submit("patient-update", () -> registry.update(id, draft));
        } else {
            submit("patient-register", () -> registry.register(draft, false));
        }
    }

    /** After reviewing the candidates: none is the same person, register the new one. */
    public void registerAnyway() {
        PatientDraft draft = draft();
        submit("patient-register", () -> registry.register(draft, true));
    }

    /** After reviewing: it is this person; open their chart instead. */
    public void openExisting(DuplicateCandidate candidate) {
        reviewingDuplicates.set(false);
        onOpenExisting.accept(candidate.patient().id());
    }

    /** Leaves the duplicate review and returns to the form. */
    public void backToForm() {
        reviewingDuplicates.set(false);
        candidates.clear();
    }

    private void submit(String name, java.util.concurrent.Callable<Patient> work) {
        busy.set(true);
        tasks.run(name, work, saved -> {
            busy.set(false);
            reviewingDuplicates.set(false);
            candidates.clear();
            onSaved.accept(saved);
        }, failure -> {
            busy.set(false);
            switch (failure) {
                case PossibleDuplicateException dup -> {
                    candidates.setAll(dup.candidates());
                    reviewingDuplicates.set(true);
                }
                case ValidationException invalid -> {
                    reviewingDuplicates.set(false);
                    show(invalid.violations());
                    invalid.violations().stream().filter(v -> !errors.containsKey(v.field())).findFirst()
                            .ifPresent(v -> formError.set(text.violation(v)));
                }
                default -> formError.set(text.get("patient.saveFailed", tasks.reporter().report(failure).errorId()));
            }
        });
    }
}
