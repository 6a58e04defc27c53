package org.outpost.ui.chart.record;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.ui.concurrent.SameThreadTaskRunner;
import org.outpost.ui.testing.StoreFixture;
import org.outpost.ui.text.UiText;

class RecordObservationsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    StoreFixture store;
    Patient patient;
    final AtomicInteger saves = new AtomicInteger();
    RecordObservationsViewModel model;

    @BeforeEach
    void setUp() {
        store = StoreFixture.create(dir, CLOCK);
        patient = store.register("Nakamura", "Aiko", Sex.FEMALE, LocalDate.of(1958, 6, 30), "");
        model = new RecordObservationsViewModel(store.charts(), patient.id(), new SameThreadTaskRunner(e -> null),
                new UiText(Locale.ENGLISH), CLOCK, saves::incrementAndGet);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private MeasureEntry entry(Measure m) {
        return model.entry(m);
    }

    @Test
    void theTimeOfMeasurementDefaultsToNow() {
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(model.timeProperty().get()).isEqualTo("10:00");
    }

    @Test
    void aBadDateIsKeptAndRefusedOnTheDateFieldNotTheTime() {
        entry(Measure.HEART_RATE).textProperty().set("72");
        model.dateTextProperty().set("31/02/2026");
        assertThat(model.dateTextProperty().get()).isEqualTo("31/02/2026");
        assertThat(model.dateProperty().get()).isNull();
        assertThat(model.dateErrorProperty().get()).isEqualTo("Not a date: use yyyy-mm-dd (or dd/mm/yyyy)");
        assertThat(model.timeErrorProperty().get()).as("the time is fine").isEmpty();
        model.save();
        assertThat(saves).hasValue(0);
        assertThat(store.observations(patient)).isEmpty();
        assertThat(model.dateTextProperty().get()).isEqualTo("31/02/2026");

        model.dateTextProperty().set("");
        assertThat(model.dateErrorProperty().get()).isEqualTo("Enter the date");
        assertThat(model.timeErrorProperty().get()).isEmpty();
        // the message clears as soon as the text names a date, day first or ISO
        model.dateTextProperty().set("28/02/2026");
        assertThat(model.dateErrorProperty().get()).isEmpty();
        assertThat(model.dateProperty().get()).isEqualTo(LocalDate.of(2026, 2, 28));
        model.timeProperty().set("9h");
        assertThat(model.timeErrorProperty().get()).isNotEmpty();
        assertThat(model.dateErrorProperty().get()).isEmpty();
        model.timeProperty().set("09:30");
        assertThat(model.timeErrorProperty().get()).isEmpty();
        model.save();
        assertThat(saves).hasValue(1);
        assertThat(store.observations(patient)).singleElement()
                .satisfies(o -> assertThat(o.effective()).isEqualTo(Instant.parse("2026-02-28T09:30:00Z")));
    }

    @Test
    void anImplausibleSystolicShowsItsMessageAsTypedAndSavesNothing() {
        entry(Measure.SYSTOLIC_BP).textProperty().set("400");
        entry(Measure.DIASTOLIC_BP).textProperty().set("80");
        assertThat(entry(Measure.SYSTOLIC_BP).errorProperty().get())
                .isEqualTo("400 mmHg is impossible: it must be between 0 and 350 mmHg");
        entry(Measure.SYSTOLIC_BP).textProperty().set("320");
        assertThat(entry(Measure.SYSTOLIC_BP).errorProperty().get())
                .isEqualTo("320 mmHg is implausible (expected 50 to 300 mmHg); check the value and the unit");
        entry(Measure.HEART_RATE).textProperty().set("72");
        model.save();
        assertThat(saves).hasValue(0);
        assertThat(store.observations(patient)).isEmpty();
    }

    /** Issue 11 item 13: cystatin C is a lab on the form, in mg/L, stored and read back by its LOINC. */
    @Test
    void cystatinCIsRecordedInMilligramsPerLitreAndAValueInNanomolesIsRefused() {
        MeasureEntry cys = entry(Measure.CYSTATIN_C);
        assertThat(cys.units()).containsExactly(Unit.MG_PER_L);
        cys.textProperty().set("82"); // 82 nmol/L is 1.1 mg/L
        assertThat(cys.errorProperty().get()).isEqualTo("82 mg/L is impossible: it must be between 0 and 50 mg/L");
        cys.textProperty().set("1.1");
        assertThat(cys.errorProperty().get()).isEmpty();
        model.save();
        assertThat(saves).hasValue(1);
        assertThat(store.observations(patient)).singleElement().satisfies(o -> {
            assertThat(o.measure()).isEqualTo(Measure.CYSTATIN_C);
            assertThat(o.value().value()).isEqualTo(1.1);
            assertThat(o.value().unit()).isEqualTo(Unit.MG_PER_L);
        });
    }

    @Test
    void textThatIsNotANumberIsNamed() {
        entry(Measure.HEART_RATE).textProperty().set("7x");
        assertThat(entry(Measure.HEART_RATE).errorProperty().get()).isEqualTo("'7x' is not a number");
        assertThat(model.validProperty().get()).isFalse();
    }

    @Test
    void diastolicMustBeBelowSystolic() {
        entry(Measure.SYSTOLIC_BP).textProperty().set("90");
        entry(Measure.DIASTOLIC_BP).textProperty().set("95");
        assertThat(entry(Measure.DIASTOLIC_BP).errorProperty().get())
                .isEqualTo("Diastolic (95) must be lower than systolic (90)");
    }

    @Test
    void aLoneSystolicAsksForTheDiastolicOnlyWhenSaving() {
        entry(Measure.SYSTOLIC_BP).textProperty().set("120");
        assertThat(entry(Measure.DIASTOLIC_BP).errorProperty().get()).isEmpty();
        model.save();
        assertThat(entry(Measure.DIASTOLIC_BP).errorProperty().get())
                .isEqualTo("Enter both systolic and diastolic pressure");
        assertThat(store.observations(patient)).isEmpty();
    }

    @Test
    void savingNothingSaysSo() {
        model.save();
        assertThat(model.formErrorProperty().get()).isEqualTo("Enter at least one value");
    }

    @Test
    void aTimeInTheFutureIsRefused() {
        model.setDate(LocalDate.of(2026, 3, 2));
        assertThat(model.timeErrorProperty().get()).isEqualTo("The time of measurement is in the future");
        model.timeProperty().set("25:99");
        assertThat(model.timeErrorProperty().get()).startsWith("Enter the time as hours:minutes");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(textBlock = """
            TOTAL_CHOLESTEROL, MMOL_PER_L,   5.2,  = 201 mg/dL
            GLUCOSE,           MMOL_PER_L,   5.5,  = 99 mg/dL
            CREATININE,        UMOL_PER_L,   88.42, = 1 mg/dL
            BODY_TEMPERATURE,  FAHRENHEIT,   98.6, = 37 °C
            BODY_WEIGHT,       LB,           154,  = 69.9 kg
            BODY_HEIGHT,       INCH,         70,   = 177.8 cm
            HBA1C,             MMOL_PER_MOL, 53,   = 7 %
            """)
    void anotherUnitIsAcceptedAndShownInTheCanonicalOne(Measure measure, Unit unit, String typed, String shown) {
        MeasureEntry e = entry(measure);
        e.unitProperty().set(unit);
        e.textProperty().set(typed);
        assertThat(e.errorProperty().get()).isEmpty();
        assertThat(e.convertedProperty().get()).isEqualTo(shown);
    }

    @Test
    void theUnitDecidesWhatTheNumberMeans() {
        MeasureEntry cholesterol = entry(Measure.TOTAL_CHOLESTEROL);
        cholesterol.textProperty().set("5.2");
        assertThat(cholesterol.errorProperty().get()).contains("implausible").contains("mg/dL");
        cholesterol.unitProperty().set(Unit.MMOL_PER_L);
        assertThat(cholesterol.errorProperty().get()).isEmpty();
        MeasureEntry temperature = entry(Measure.BODY_TEMPERATURE);
        temperature.textProperty().set("98.6");
        assertThat(temperature.errorProperty().get()).contains("impossible");
        temperature.unitProperty().set(Unit.FAHRENHEIT);
        assertThat(temperature.errorProperty().get()).isEmpty();
    }

    @Test
    void savingStoresEveryValueInItsEnteredUnitAndClearsTheForm() {
        entry(Measure.SYSTOLIC_BP).textProperty().set("128");
        entry(Measure.DIASTOLIC_BP).textProperty().set("82");
        entry(Measure.TOTAL_CHOLESTEROL).unitProperty().set(Unit.MMOL_PER_L);
        entry(Measure.TOTAL_CHOLESTEROL).textProperty().set("5,2");
        model.timeProperty().set("08:15");
        model.save();
        assertThat(saves).hasValue(1);
        assertThat(store.observations(patient)).extracting(Observation::measure, o -> o.value().unit())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Measure.SYSTOLIC_BP, Unit.MM_HG),
                        org.assertj.core.groups.Tuple.tuple(Measure.DIASTOLIC_BP, Unit.MM_HG),
                        org.assertj.core.groups.Tuple.tuple(Measure.TOTAL_CHOLESTEROL, Unit.MMOL_PER_L));
        assertThat(store.observations(patient)).allSatisfy(
                o -> assertThat(o.effective()).isEqualTo(Instant.parse("2026-03-01T08:15:00Z")));
        assertThat(entry(Measure.SYSTOLIC_BP).textProperty().get()).isEmpty();
    }
}
