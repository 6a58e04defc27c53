package org.outpost.ui.chart.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Role;
import org.outpost.app.domain.Unit;
import org.outpost.app.domain.User;
import org.outpost.app.usecase.ResultUnitService;
import org.outpost.app.usecase.Session;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/** Issue 14: the administrator's result units, without a stage, against a real encrypted store. */
class ResultUnitsViewModelTest {
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

    private ResultUnitsViewModel model(Session session) {
        return new ResultUnitsViewModel(new ResultUnitService(store.store(), CLOCK, session),
                new SameThreadTaskRunner(e -> null), new UiText(Locale.ENGLISH));
    }

    @Test
    void offersTheMeasuresWithMoreThanOneUnitAndSavesAChoice() {
        ResultUnitsViewModel model = model(store.session());
        model.refresh();
        assertThat(model.measures()).contains(Measure.GLUCOSE, Measure.CREATININE, Measure.HBA1C)
                .doesNotContain(Measure.INR);
        assertThat(model.unitProperty(Measure.GLUCOSE).get()).isEqualTo(Unit.MG_PER_DL);
        model.choose(Measure.GLUCOSE, Unit.MMOL_PER_L);
        assertThat(model.statusProperty().get()).isEqualTo("Glucose is now shown in mmol/L.");
        assertThat(model.unitProperty(Measure.GLUCOSE).get()).isEqualTo(Unit.MMOL_PER_L);

        ResultUnitsViewModel again = model(store.session());
        again.refresh();
        assertThat(again.unitProperty(Measure.GLUCOSE).get()).isEqualTo(Unit.MMOL_PER_L);
        assertThat(again.unitProperty(Measure.CREATININE).get()).isEqualTo(Unit.MG_PER_DL);
    }

    @Test
    void aRefusedChoiceChangesNothingAndSaysWhy() {
        ResultUnitsViewModel model = model(new Session(new User("clin", "Clin", Role.CLINICIAN, true)));
        model.refresh();
        model.unitProperty(Measure.GLUCOSE).set(Unit.MMOL_PER_L); // as the drop-down does before its action
        model.choose(Measure.GLUCOSE, Unit.MMOL_PER_L);
        assertThat(model.statusProperty().get()).startsWith("Not changed: ")
                .contains("choose the unit results are shown in at this site");
        assertThat(model.unitProperty(Measure.GLUCOSE).get()).isEqualTo(Unit.MG_PER_DL);
        assertThat(new ResultUnitService(store.store(), CLOCK, store.session()).current().unit(Measure.GLUCOSE))
                .isEqualTo(Unit.MG_PER_DL);
    }
}
