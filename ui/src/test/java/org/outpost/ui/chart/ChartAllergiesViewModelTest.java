package org.outpost.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** Issue 11 item 6: the chart header tells "not recorded" from "no known allergies" (who, when) and the list. */
class ChartAllergiesViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;

    @BeforeEach
    void open() {
        store = StoreFixture.create(dir, CLOCK);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ChartViewModel chartOf(AllergyDraft allergies) {
        Patient p = store.register("Nakamura", "Aiko", Sex.FEMALE, LocalDate.of(1958, 6, 30), allergies);
        ChartViewModel model = new ChartViewModel(store.charts(), p.id(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), CLOCK);
        model.open();
        return model;
    }

    @Test
    void neverRecordedSaysSoAndIsNotNoKnownAllergies() {
        ChartViewModel model = chartOf(AllergyDraft.notRecorded());
        assertThat(model.allergiesProperty().get()).isEqualTo("Allergies not recorded");
        assertThat(model.allergiesRecordedProperty().get()).isFalse();
        assertThat(model.hasAllergiesProperty().get()).isFalse();
    }

    @Test
    void noKnownAllergiesNamesWhoRecordedItAndWhen() {
        ChartViewModel model = chartOf(AllergyDraft.noKnownAllergies());
        assertThat(model.allergiesProperty().get())
                .isEqualTo("No known allergies (recorded by " + StoreFixture.ADMIN + " on 2026-03-01)");
        assertThat(model.allergiesRecordedProperty().get()).isTrue();
        assertThat(model.hasAllergiesProperty().get()).isFalse();
    }

    @Test
    void aListShowsEachReactionAndSeverity() {
        ChartViewModel model = chartOf(AllergyDraft.list(List.of(
                new AllergyDraft.Entry("penicillin", "anaphylaxis", AllergySeverity.LIFE_THREATENING),
                new AllergyDraft.Entry("latex", "", AllergySeverity.MILD))));
        assertThat(model.allergiesProperty().get()).isEqualTo("Allergies: penicillin: anaphylaxis, life-threatening; "
                + "latex: reaction not recorded, mild");
        assertThat(model.hasAllergiesProperty().get()).isTrue();
    }
}
