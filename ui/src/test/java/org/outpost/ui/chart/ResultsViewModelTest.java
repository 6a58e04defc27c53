package org.outpost.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.results.ResultFlag;
import org.outpost.app.usecase.ResultUnitService;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

/**
 * Issue 14 item 3, without a stage: the results table's flags and ranges for the patient's sex, the site's unit for
 * every display, and the trend series with its range and flags. Ranges are the bundled table's (cited there): glucose
 * 70–99 mg/dL with a critical low below 54 (ADA 2024), creatinine 0.59–1.04 mg/dL in women and 0.74–1.35 in men
 * (Mayo Clinic Laboratories CRTS1).
 */
class ResultsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Instant EARLIER = CLOCK.instant().minus(Duration.ofDays(30));
    private static final Instant LATER = CLOCK.instant().minus(Duration.ofDays(1));

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

    private Patient patient(Sex sex) {
        Patient p = store.register("Nakamura", "Aiko", sex, LocalDate.of(1958, 6, 30), "");
        store.record(p, EARLIER, Map.of(Measure.GLUCOSE, Quantity.of(50, Unit.MG_PER_DL),
                Measure.CREATININE, Quantity.of(1.2, Unit.MG_PER_DL)));
        // entered in mmol/L: 9.0 mmol/L = 162.1 mg/dL
        store.record(p, LATER, Map.of(Measure.GLUCOSE, Quantity.of(9.0, Unit.MMOL_PER_L),
                Measure.BODY_WEIGHT, Quantity.of(70, Unit.KG)));
        return p;
    }

    private ChartViewModel chartOf(Patient p) {
        ChartViewModel model = new ChartViewModel(store.charts(), p.id(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), CLOCK);
        model.open();
        return model;
    }

    private static ObservationRow row(ChartViewModel model, Measure m, Instant at) {
        return model.observations().stream().filter(r -> r.measure() == m && r.effective().equals(at)).findFirst()
                .orElseThrow();
    }

    @Test
    void rowsShowTheValueInTheCanonicalUnitWithItsFlagAndRange() {
        ChartViewModel model = chartOf(patient(Sex.FEMALE));
        ObservationRow high = row(model, Measure.GLUCOSE, LATER);
        assertThat(high.valueWithUnit()).isEqualTo("162 mg/dL"); // 9.0 × 18.016 = 162.1
        assertThat(high.flag()).contains(ResultFlag.HIGH);
        assertThat(high.flagText()).isEqualTo("H");
        assertThat(high.flagName()).isEqualTo("High");
        assertThat(high.range()).isEqualTo("70\u201399 mg/dL");
        ObservationRow low = row(model, Measure.GLUCOSE, EARLIER);
        assertThat(low.flag()).contains(ResultFlag.CRITICAL_LOW);
        assertThat(low.flagText()).isEqualTo("LL");
        assertThat(low.flagName()).isEqualTo("Critically low");
        ObservationRow weight = row(model, Measure.BODY_WEIGHT, LATER);
        assertThat(weight.flag()).isEmpty();
        assertThat(weight.flagText()).isEmpty();
        assertThat(weight.range()).isEmpty();
        assertThat(weight.valueWithUnit()).isEqualTo("70.0 kg");
        assertThat(model.latest()).extracting(SummaryRow::label, SummaryRow::value)
                .contains(tuple("Glucose", "162 mg/dL H"), tuple("Weight", "70.0 kg"));
    }

    @Test
    void creatinineIsFlaggedAgainstTheRangeOfThePatientsSex() {
        ObservationRow woman = row(chartOf(patient(Sex.FEMALE)), Measure.CREATININE, EARLIER);
        assertThat(woman.flag()).contains(ResultFlag.HIGH);
        assertThat(woman.range()).isEqualTo("0.59\u20131.04 mg/dL");
        ObservationRow man = row(chartOf(patient(Sex.MALE)), Measure.CREATININE, EARLIER);
        assertThat(man.flag()).contains(ResultFlag.NORMAL);
        assertThat(man.flagText()).isEmpty();
        assertThat(man.range()).isEqualTo("0.74\u20131.35 mg/dL");
    }

    /**
     * The site shows glucose in mmol/L and creatinine in µmol/L: 162.1 mg/dL = 9.0 mmol/L, 70–99 mg/dL = 3.9–5.5
     * mmol/L (÷ 18.016); 1.2 mg/dL = 106 µmol/L, 0.59–1.04 mg/dL = 52–92 µmol/L (× 88.42).
     */
    @Test
    void everyDisplayFollowsTheSitesUnit() {
        Patient p = patient(Sex.FEMALE);
        ResultUnitService units = new ResultUnitService(store.store(), CLOCK, store.session());
        units.choose(Measure.GLUCOSE, Unit.MMOL_PER_L);
        units.choose(Measure.CREATININE, Unit.UMOL_PER_L);
        ChartViewModel model = chartOf(p);
        assertThat(row(model, Measure.GLUCOSE, LATER)).extracting(ObservationRow::valueWithUnit, ObservationRow::range,
                ObservationRow::flagText).containsExactly("9.0 mmol/L", "3.9\u20135.5 mmol/L", "H");
        assertThat(row(model, Measure.CREATININE, EARLIER)).extracting(ObservationRow::valueWithUnit,
                ObservationRow::range, ObservationRow::flagText).containsExactly("106 \u00b5mol/L",
                "52\u201392 \u00b5mol/L", "H");
        assertThat(model.latest()).extracting(SummaryRow::value).contains("9.0 mmol/L H");

        model.selectedMeasureProperty().set(Measure.GLUCOSE);
        assertThat(model.seriesUnitProperty().get()).isEqualTo("mmol/L");
        assertThat(model.series()).extracting(SeriesPoint::flag)
                .containsExactly(Optional.of(ResultFlag.CRITICAL_LOW), Optional.of(ResultFlag.HIGH));
        assertThat(model.series().getFirst().value()).isCloseTo(50 / 18.016, offset(1e-9));
        assertThat(model.series().getLast().value()).isCloseTo(9.0, offset(1e-9)); // entered in mmol/L, round trip
        assertThat(model.seriesRangeProperty().get().low().getAsDouble()).isCloseTo(70 / 18.016, offset(1e-9));
        assertThat(model.seriesRangeProperty().get().unit()).isEqualTo(Unit.MMOL_PER_L);
    }

    @Test
    void theTrendIsInTheCanonicalUnitByDefaultAndKeepsTheNewestPoints() {
        Patient p = store.register("Long", "Record", Sex.MALE, LocalDate.of(1950, 1, 1), "");
        int n = ChartViewModel.TREND_POINTS + 5;
        for (int i = 0; i < n; i++) {
            store.record(p, CLOCK.instant().minus(Duration.ofDays(n - i)),
                    Map.of(Measure.HEART_RATE, Quantity.of(60 + i % 40, Unit.PER_MIN)));
        }
        ChartViewModel model = chartOf(p);
        model.selectedMeasureProperty().set(Measure.HEART_RATE);
        assertThat(model.series()).hasSize(ChartViewModel.TREND_POINTS);
        assertThat(model.series().getLast().at()).isEqualTo(CLOCK.instant().minus(Duration.ofDays(1)));
        assertThat(model.seriesUnitProperty().get()).isEqualTo("/min");
        // NEWS2: 51–90 /min scores 0, so 91 and above is high
        assertThat(model.series()).allSatisfy(pt -> assertThat(pt.flag()).contains(
                pt.value() > 90 ? ResultFlag.HIGH : ResultFlag.NORMAL));
        assertThat(model.series()).anyMatch(pt -> pt.flag().orElseThrow() == ResultFlag.HIGH);
    }
}
