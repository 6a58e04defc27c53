package org.outpost.ui.patient.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Recorded;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

class PatientFormViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    final List<Patient> saved = new ArrayList<>();
    final List<PatientId> openedExisting = new ArrayList<>();
    PatientFormViewModel model;

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        model = new PatientFormViewModel(store.patients(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), CLOCK, Optional.empty(), saved::add, openedExisting::add);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private void fill(String family, String given, LocalDate born) {
        model.familyNameProperty().set(family);
        model.givenNameProperty().set(given);
        model.sexProperty().set(Sex.FEMALE);
        model.birthDateTextProperty().set(born.toString());
    }

    @Test
    void untouchedFieldsShowNothingUntilSaveIsTried() {
        assertThat(model.errorProperty("familyName").get()).isEmpty();
        model.save();
        assertThat(model.errorProperty("familyName").get()).isEqualTo("Enter the family name");
        assertThat(model.errorProperty("givenName").get()).isEqualTo("Enter the given name");
        assertThat(model.errorProperty("sex").get()).isEqualTo("Choose the sex");
        assertThat(model.errorProperty("birthDate").get()).isEqualTo("Enter the date of birth");
        assertThat(saved).isEmpty();
        assertThat((long) store.store().read(r -> r.patients().count())).isZero();
    }

    @Test
    void aFieldShowsItsProblemAsSoonAsItIsTypedIn() {
        model.birthDateTextProperty().set("2030-01-01");
        assertThat(model.errorProperty("birthDate").get()).isEqualTo("The date of birth is in the future");
        model.phoneProperty().set("call me");
        assertThat(model.errorProperty("phone").get()).startsWith("A phone number has digits");
        assertThat(model.errorProperty("familyName").get()).isEmpty();
        model.birthDateTextProperty().set("01/01/1970");
        assertThat(model.errorProperty("birthDate").get()).isEmpty();
    }

    @Test
    void aNameWithoutALetterIsRefusedOnItsFieldAndClearsWhenFixed() {
        fill("12345, !!", "Ngozi", LocalDate.of(1971, 9, 14));
        assertThat(model.errorProperty("familyName").get())
                .isEqualTo("A name needs at least one letter");
        assertThat(model.errorProperty("givenName").get()).isEmpty();
        model.save();
        assertThat(saved).isEmpty();
        model.familyNameProperty().set("Ł");
        assertThat(model.errorProperty("familyName").get()).as("clears as soon as there is a letter").isEmpty();
        model.familyNameProperty().set("Łukasz-O'Brien Nguyễn");
        model.save();
        assertThat(saved).singleElement().satisfies(p -> assertThat(p.familyName()).isEqualTo("Łukasz-O'Brien Nguyễn"));
    }

    @Test
    void anUnreadableDateIsKeptAsTypedAndSaysSoOnTheDateField() {
        fill("Okafor", "Ngozi", LocalDate.of(1971, 9, 14));
        model.birthDateTextProperty().set("14/13/1971");
        assertThat(model.birthDateTextProperty().get()).isEqualTo("14/13/1971");
        assertThat(model.birthDateProperty().get()).isNull();
        assertThat(model.errorProperty("birthDate").get()).isEqualTo("Not a date: use yyyy-mm-dd (or dd/mm/yyyy)");
        assertThat(List.of("familyName", "givenName", "sex", "mrn", "phone", "allergies"))
                .allSatisfy(f -> assertThat(model.errorProperty(f).get()).as(f).isEmpty());
        model.save();
        assertThat(saved).isEmpty();
        assertThat(model.birthDateTextProperty().get()).isEqualTo("14/13/1971");
        model.birthDateTextProperty().set("14/9/1971");
        assertThat(model.errorProperty("birthDate").get()).isEmpty();
        model.save();
        assertThat(saved).singleElement().satisfies(p -> assertThat(p.birthDate()).isEqualTo(LocalDate.of(1971, 9, 14)));
    }

    @Test
    void aValidNewPatientIsRegisteredWithTheNextMrn() {
        fill("Okafor", "Ngozi", LocalDate.of(1971, 9, 14));
        model.newSubstanceProperty().set("penicillin");
        model.newReactionProperty().set("anaphylaxis");
        model.newSeverityProperty().set(AllergySeverity.LIFE_THREATENING);
        model.addAllergy();
        model.newSubstanceProperty().set("latex");
        model.addAllergy();
        assertThat(model.allergyChoiceProperty().get()).isEqualTo(AllergyDraft.Choice.LIST);
        assertThat(model.newSubstanceProperty().get()).isEmpty();
        assertThat(model.allergyEntries()).extracting(model::describe).containsExactly(
                "penicillin: anaphylaxis, life-threatening", "latex: reaction not recorded, severity not recorded");
        model.save();
        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().mrn().value()).isEqualTo("OP-000001");
        assertThat(saved.getFirst().allergies().entries()).satisfiesExactly(
                e -> {
                    assertThat(e.substance()).isEqualTo("penicillin");
                    assertThat(e.severity()).isEqualTo(AllergySeverity.LIFE_THREATENING);
                    assertThat(e.recorded()).contains(new Recorded(store.session().username(), CLOCK.instant()));
                },
                e -> assertThat(e.reaction()).isEmpty());
    }

    @Test
    void aNewPatientsAllergiesAreNotRecordedUntilSomeoneRecordsThem() {
        fill("Okafor", "Ngozi", LocalDate.of(1971, 9, 14));
        assertThat(model.allergyChoiceProperty().get()).isEqualTo(AllergyDraft.Choice.NOT_RECORDED);
        model.save();
        assertThat(saved.getFirst().allergies()).isInstanceOf(AllergyStatus.NotRecorded.class);
    }

    @Test
    void noKnownAllergiesIsSavedWithWhoAndWhenAndShownWhenEditing() {
        fill("Okafor", "Ngozi", LocalDate.of(1971, 9, 14));
        model.allergyChoiceProperty().set(AllergyDraft.Choice.NO_KNOWN_ALLERGIES);
        model.save();
        assertThat(saved.getFirst().allergies()).isEqualTo(new AllergyStatus.NoKnownAllergies(
                new Recorded(store.session().username(), CLOCK.instant())));
        var edit = new PatientFormViewModel(store.patients(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), CLOCK, Optional.of(saved.getFirst()), saved::add, openedExisting::add);
        assertThat(edit.allergyChoiceProperty().get()).isEqualTo(AllergyDraft.Choice.NO_KNOWN_ALLERGIES);
        assertThat(edit.allergyRecordedProperty().get())
                .isEqualTo("Recorded by " + store.session().username() + " on 2026-03-01");
    }

    @Test
    void anEmptyListIsRefusedWithAMessage() {
        fill("Okafor", "Ngozi", LocalDate.of(1971, 9, 14));
        model.allergyChoiceProperty().set(AllergyDraft.Choice.LIST);
        model.save();
        assertThat(saved).isEmpty();
        assertThat(model.errorProperty("allergies").get()).startsWith("Add at least one allergy");
        model.allergyChoiceProperty().set(AllergyDraft.Choice.NOT_RECORDED);
        assertThat(model.errorProperty("allergies").get()).isEmpty();
    }

    @Test
    void swappedNamesWithTheSameBirthDateAreShownBeforeRegistering() {
        Patient existing = store.register("Garcia", "Maria", Sex.FEMALE, LocalDate.of(1985, 4, 12), "");
        fill("Maria", "Garcia", LocalDate.of(1985, 4, 12));
        model.save();
        assertThat(saved).isEmpty();
        assertThat(model.reviewingDuplicatesProperty().get()).isTrue();
        assertThat(model.candidates()).extracting(c -> c.patient().id()).containsExactly(existing.id());
        assertThat(model.reason(model.candidates().getFirst())).isEqualTo("Given and family name swapped");

        model.openExisting(model.candidates().getFirst());
        assertThat(openedExisting).containsExactly(existing.id());
    }

    @Test
    void registerAnywayAddsTheNewPatientAfterReview() {
        store.register("Garcia", "Maria", Sex.FEMALE, LocalDate.of(1985, 4, 12), "");
        fill("Garcia", "Mario", LocalDate.of(1985, 4, 12));
        model.save();
        assertThat(model.reviewingDuplicatesProperty().get()).isTrue();
        model.registerAnyway();
        assertThat(saved).hasSize(1);
        assertThat(model.reviewingDuplicatesProperty().get()).isFalse();
        assertThat((long) store.store().read(r -> r.patients().count())).isEqualTo(2);
    }

    @Test
    void editingLoadsTheDemographicsAndSavesChanges() {
        Patient p = store.register("Lee", "Min", Sex.MALE, LocalDate.of(1960, 2, 29), "sulfa");
        var edit = new PatientFormViewModel(store.patients(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), CLOCK, Optional.of(p), saved::add, openedExisting::add);
        assertThat(edit.allergyChoiceProperty().get()).isEqualTo(AllergyDraft.Choice.LIST);
        assertThat(edit.allergyEntries()).extracting(AllergyDraft.Entry::substance).containsExactly("sulfa");
        edit.phoneProperty().set("+1 555 0100");
        edit.save();
        assertThat(saved).singleElement().satisfies(s -> assertThat(s.phone()).isEqualTo("+1 555 0100"));
    }
}
