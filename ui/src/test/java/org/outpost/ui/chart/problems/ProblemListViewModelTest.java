package org.outpost.ui.chart.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.problems.ProblemCatalogue;
import org.outpost.app.usecase.ProblemListService;
import org.outpost.ui.chart.ChartViewModel;
import org.outpost.ui.concurrent.ErrorNotice;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** Issue 14 item 1: the problem list and smoking status in the chart, edited without a stage on a real store. */
class ProblemListViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    ChartViewModel chart;
    ProblemListViewModel model;
    final AtomicInteger reloads = new AtomicInteger();
    final SameThreadTaskRunner tasks = new SameThreadTaskRunner(e -> new ErrorNotice("E-1", "test"));

    @BeforeEach
    void open() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Kowalczyk", "Łucja", Sex.FEMALE, LocalDate.of(1958, 2, 11), "");
        UiText text = new UiText(Locale.ENGLISH);
        chart = new ChartViewModel(store.charts(), patient.id(), tasks, text, CLOCK);
        model = new ProblemListViewModel(new ProblemListService(store.store(), CLOCK, store.session()),
                ProblemCatalogue.bundled(), patient.id(), true, tasks, text, CLOCK, () -> {
                    reloads.incrementAndGet();
                    chart.reload();
                });
        model.follow(chart.chartProperty());
        chart.open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewChartSaysNothingIsRecordedRatherThanNone() {
        assertThat(model.headerLineProperty().get()).isEqualTo("Problems: list not reviewed");
        assertThat(model.smokingLineProperty().get()).startsWith("Smoking status not recorded");
        assertThat(model.reviewLineProperty().get()).startsWith("Not reviewed as complete");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void aProblemIsPickedByWordsSavedAndShownInTheHeader() {
        model.queryProperty().set("atr fib");
        assertThat(model.matches()).extracting(t -> t.code().code()).contains("49436004", "I48");
        model.choose(model.matches().stream().filter(t -> t.code().code().equals("49436004")).findFirst().orElseThrow());
        model.onsetProperty().set("03/05/2019"); // day-first, as clinics type it
        model.add();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(reloads).hasValue(1);
        assertThat(model.rows()).singleElement().satisfies(r -> {
            assertThat(r.term()).isEqualTo("Atrial fibrillation");
            assertThat(r.code()).isEqualTo("SNOMED CT 49436004");
            assertThat(r.onset()).isEqualTo("2019-05-03");
            assertThat(r.status()).isEqualTo("Active");
            assertThat(r.readBy()).isEqualTo("Read by the risk models");
        });
        assertThat(model.headerLineProperty().get()).isEqualTo("Problems: Atrial fibrillation");
        assertThat(model.queryProperty().get()).isEmpty(); // the form is ready for the next one
    }

    @Test
    void errorsAreShownOnTheirOwnFieldAndClearWhenTyping() {
        model.queryProperty().set("zzz");
        model.onsetProperty().set("31/02/2020");
        model.add();
        assertThat(model.termErrorProperty().get()).isEqualTo("Pick the diagnosis from the list under the field");
        assertThat(model.onsetErrorProperty().get()).startsWith("Not a date");
        assertThat(model.onsetProperty().get()).isEqualTo("31/02/2020"); // what was typed stays
        assertThat(reloads).hasValue(0);

        model.onsetProperty().set("2020-02-28");
        assertThat(model.onsetErrorProperty().get()).isEmpty();
        model.queryProperty().set("hypert");
        assertThat(model.termErrorProperty().get()).isEmpty();

        // the store's own check lands on the onset field too: a date before birth
        model.choose(model.matches().getFirst());
        model.onsetProperty().set("1950-01-01");
        model.add();
        assertThat(model.onsetErrorProperty().get()).isEqualTo("The date is before the patient was born");
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void resolvingAndReviewingChangeWhatTheModelsMayRead() {
        model.queryProperty().set("I10");
        model.choose(model.matches().getFirst());
        model.add();
        model.toggle(model.rows().getFirst());
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.rows().getFirst().status()).isEqualTo("Resolved 2026-03-01");
        assertThat(model.headerLineProperty().get()).isEqualTo("Problems: list not reviewed");

        model.markReviewed();
        assertThat(model.reviewedProperty().get()).isTrue();
        assertThat(model.reviewLineProperty().get()).startsWith("Reviewed as complete by");
        assertThat(model.headerLineProperty().get()).isEqualTo("Problems: none active (list reviewed)");
        assertThat(chart.chartProperty().get().problems().conditions().getFirst().status())
                .isEqualTo(ConditionStatus.RESOLVED);
    }

    @Test
    void smokingIsRecordedWithItsAmountAndATypoIsRefusedOnItsField() {
        model.smokingProperty().set(SmokingStatus.CURRENT);
        assertThat(model.perDayEnabledProperty().get()).isTrue();
        model.perDayProperty().set("150"); // 15 meant
        model.saveSmoking();
        assertThat(model.perDayErrorProperty().get()).isEqualTo("Cigarettes a day must be 1 to 100");
        assertThat(chart.chartProperty().get().smoking()).isEmpty();

        model.perDayProperty().set("15");
        assertThat(model.perDayErrorProperty().get()).isEmpty();
        model.saveSmoking();
        assertThat(model.smokingLineProperty().get()).isEqualTo("Current smoker, 15 cigarettes a day (asked 2026-03-01)");

        model.smokingProperty().set(SmokingStatus.NEVER);
        assertThat(model.perDayEnabledProperty().get()).isFalse();
        model.saveSmoking();
        assertThat(model.smokingLineProperty().get()).isEqualTo("Never smoked (asked 2026-03-01)");
        assertThat(chart.chartProperty().get().smoking()).hasSize(2); // the history is kept
    }

    @Test
    void withoutAStatusSmokingIsNotSaved() {
        model.saveSmoking();
        assertThat(model.smokingErrorProperty().get()).isEqualTo("Choose the smoking status");
        assertThat(reloads).hasValue(0);
    }
}
