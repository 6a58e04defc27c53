package org.outpost.ui.patient.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Sex;
import org.outpost.ui.concurrent.Debouncer;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.DeferredTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

class PatientSearchViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    final List<PatientId> opened = new ArrayList<>();
    final UiText text = new UiText(java.util.Locale.ENGLISH);

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        store.register("Smith", "John", Sex.MALE, LocalDate.of(1980, 5, 1), "");
        store.register("Smithers", "Waylon", Sex.MALE, LocalDate.of(1955, 1, 2), "");
        store.register("Jones", "Mary", Sex.FEMALE, LocalDate.of(1990, 7, 3), "");
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private PatientSearchViewModel model(org.outpost.ui.concurrent.TaskRunner tasks, Debouncer debouncer) {
        return new PatientSearchViewModel(store.patients(), tasks, debouncer, text, CLOCK, opened::add);
    }

    private static List<String> families(PatientSearchViewModel m) {
        return m.results().stream().map(PatientSummary::familyName).toList();
    }

    @Test
    void typingANamePrefixListsMatchingPatientsAndCountsThem() {
        var model = model(new SameThreadTaskRunner(e -> null), Debouncer.immediate());
        model.queryProperty().set("smi");
        assertThat(families(model)).containsExactly("Smith", "Smithers");
        assertThat(model.statusProperty().get()).isEqualTo("2 patients");
        model.queryProperty().set("smi jo");
        assertThat(families(model)).containsExactly("Smith");
        assertThat(model.statusProperty().get()).isEqualTo("1 patient");
    }

    @Test
    void findsByBirthDateAndByMrn() {
        var model = model(new SameThreadTaskRunner(e -> null), Debouncer.immediate());
        model.queryProperty().set("03/07/1990");
        assertThat(families(model)).containsExactly("Jones");
        String mrn = model.results().getFirst().mrn().value();
        model.queryProperty().set(mrn);
        assertThat(families(model)).containsExactly("Jones");
    }

    @Test
    void clearingTheQueryClearsTheResults() {
        var model = model(new SameThreadTaskRunner(e -> null), Debouncer.immediate());
        model.queryProperty().set("jones");
        model.queryProperty().set("  ");
        assertThat(model.results()).isEmpty();
        assertThat(model.statusProperty().get()).startsWith("Type to search");
    }

    @Test
    void anOlderAnswerArrivingLateIsDiscarded() {
        DeferredTaskRunner tasks = new DeferredTaskRunner();
        var model = model(tasks, Debouncer.immediate());
        model.queryProperty().set("smi");
        model.queryProperty().set("jones");
        assertThat(tasks.pending()).isEqualTo(2);
        tasks.complete(1); // "jones" answers first
        tasks.complete(0); // then the stale "smi"
        assertThat(families(model)).containsExactly("Jones");
        assertThat(model.searchingProperty().get()).isFalse();
    }

    @Test
    void debouncingRunsOnlyTheLastQuery() {
        List<Runnable> scheduled = new ArrayList<>();
        Debouncer manual = scheduled::add;
        var model = model(new SameThreadTaskRunner(e -> null), manual);
        model.queryProperty().set("s");
        model.queryProperty().set("sm");
        model.queryProperty().set("jon");
        scheduled.forEach(Runnable::run); // the superseded actions find a newer generation and do nothing
        assertThat(families(model)).containsExactly("Jones");
    }

    @Test
    void openingAResultHandsItsIdOn() {
        var model = model(new SameThreadTaskRunner(e -> null), Debouncer.immediate());
        model.queryProperty().set("jones");
        model.open(model.results().getFirst());
        assertThat(opened).containsExactly(model.results().getFirst().id());
    }
}
