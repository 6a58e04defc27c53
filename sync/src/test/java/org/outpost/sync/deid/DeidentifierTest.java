package org.outpost.sync.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.decision.Decision;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Encounter;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.model.ModelRegistry;

/** Safe Harbor (45 CFR 164.514(b)(2)) applied to a chart: what the summary keeps, and what it withholds. */
class DeidentifierTest {
    static final ModelRegistry MODELS = new ModelRegistry(BundledModels.all());
    static final PseudonymKey SECRET = PseudonymKey.random();
    static final ZoneId CLINIC = ZoneId.of("America/New_York");
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);

    private final Deidentifier deid = Deidentifier.withBundledTables(SECRET, MODELS, CLINIC);
    private final PatientId id = PatientId.random();
    private final Patient patient = new Patient(id, new Mrn("MRN-4471"), "Okafor", "Adaeze", Sex.FEMALE,
            LocalDate.of(1952, 3, 14), "12 Main St, Springfield, MA 01103-1234", "413-555-0142", SharingConsent.legacy(Consent.GIVEN), null);

    private Observation obs(Measure m, double value, Unit unit, String instant) {
        return new Observation(UUID.randomUUID(), id, m, Quantity.of(value, unit), Instant.parse(instant), "nurse.kim");
    }

    private Medication med(String name, String rxnorm, LocalDate start, LocalDate stop) {
        return new Medication(UUID.randomUUID(), id, name, Optional.ofNullable(rxnorm), "5 mg", "oral",
                "once daily", start, Optional.ofNullable(stop));
    }

    private Decision decision(String model, String version, double value, String inputs) {
        return new Decision(UUID.randomUUID(), id, model, version, inputs, OptionalDouble.of(value), Optional.of("high"),
                DecisionKind.OVERRIDDEN, "Mrs Okafor declined, see letter of 3 May", "dr.lee",
                Instant.parse("2025-05-03T14:00:00Z"));
    }

    private Chart chart(List<Observation> obs, List<Medication> meds, List<Genotype> genotypes) {
        return new Chart(patient, obs, meds, genotypes, List.of(new Encounter(UUID.randomUUID(), id,
                Instant.parse("2025-05-03T14:00:00Z"), "outpatient", "chest pain after her son's wedding", "dr.lee")));
    }

    @Test
    void keepsOnlyPseudonymBirthYearGenderAndZip3OfThePatient() {
        DeidentifiedSummary s = deid.summarise(chart(List.of(), List.of(), List.of()), List.of(), false, AS_OF);
        assertThat(s.pseudonym()).isEqualTo(Pseudonym.of(SECRET, id));
        assertThat(s.birthYear()).isEqualTo(new BirthYear.Known(Year.of(1952)));
        assertThat(s.gender()).isEqualTo(Sex.FEMALE);
        assertThat(s.zip3()).isEqualTo(new Zip3("011"));
        assertThat(s.quasiIdentifiers()).hasToString("(1950-1954, female, 011)");
        assertThat(s.toString()).doesNotContain("Okafor", "Adaeze", "MRN-4471", "4471", "Main St", "Springfield",
                "01103", "413-555-0142", "1952-03-14", "chest pain", id.toString());
    }

    @Test
    void observationsKeepLoincValueUcumUnitAndTheYearInTheClinicsZone() {
        var s = deid.summarise(chart(List.of(
                obs(Measure.SYSTOLIC_BP, 142, Unit.MM_HG, "2025-01-01T03:00:00Z"), // 31 Dec 2024, 22:00 in New York
                obs(Measure.TOTAL_CHOLESTEROL, 5.2, Unit.MMOL_PER_L, "2025-03-02T09:00:00Z")), List.of(), List.of()),
                List.of(), false, AS_OF);
        assertThat(s.observations()).extracting(DeidObservation::loinc, DeidObservation::value,
                        o -> o.unit().ucum(), DeidObservation::year)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2093-3", new BigDecimal("5.2"), "mmol/L", Year.of(2025)),
                        org.assertj.core.groups.Tuple.tuple("8480-6", new BigDecimal("142.0"), "mm[Hg]", Year.of(2024)));
    }

    @Test
    void medicationsLeaveAsCodesOnlyAndUncodedFreeTextIsWithheld() {
        var s = deid.summarise(chart(List.of(), List.of(
                med("Warfarin Sodium 5 MG Oral Tablet", "855332", LocalDate.of(2019, 4, 2), null),
                med("Coumadin 5mg", null, LocalDate.of(2018, 1, 5), LocalDate.of(2019, 4, 1)),
                med("Hydrochlorothiazide 25 MG", "316049", LocalDate.of(2020, 2, 1), null),
                med("herbal tea from Mrs Okafor's sister", null, LocalDate.of(2024, 1, 1), null)), List.of()),
                List.of(), false, AS_OF);
        assertThat(s.medications()).hasSize(3);
        // sorted by generic name: hydrochlorothiazide (known to the medicines table since 1.2.0) before warfarin
        assertThat(s.medications()).extracting(m -> m.medicine().map(MedicineCode::generic).orElse("-"))
                .containsExactly("hydrochlorothiazide", "warfarin", "warfarin");
        DeidMedication warfarin = s.medications().get(1);
        assertThat(warfarin.medicine()).map(MedicineCode::generic).contains("warfarin");
        assertThat(warfarin.medicine().orElseThrow().atc()).containsExactly("B01AA03");
        assertThat(s.medications()).extracting(m -> m.rxnorm().map(RxNormCode::rxcui).orElse("-"), DeidMedication::status,
                        DeidMedication::startYear, m -> m.stopYear().map(Year::getValue).orElse(0))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("855332", MedicationStatus.ACTIVE, Year.of(2019), 0),
                        org.assertj.core.groups.Tuple.tuple("-", MedicationStatus.COMPLETED, Year.of(2018), 2019),
                        org.assertj.core.groups.Tuple.tuple("316049", MedicationStatus.ACTIVE, Year.of(2020), 0));
        assertThat(s.withheld()).containsExactly(
                new Withheld(Withheld.Kind.MEDICATION, Withheld.Reason.NOT_CODED, 1));
    }

    @Test
    void genotypesLeaveOnlyWhenAllowedAndOnlyAsCpicSpellsThem() {
        List<Genotype> genotypes = List.of(
                new Genotype(UUID.randomUUID(), id, "CYP2C19", "CYP2C19 *2/*1 (report 44-1, Dr Smith)", "Lab X",
                        LocalDate.of(2023, 8, 9)),
                new Genotype(UUID.randomUUID(), id, "CYP2C19", "*1/*2", "Lab X", LocalDate.of(2023, 8, 9)),
                new Genotype(UUID.randomUUID(), id, "XYZ1", "*1/*1", "Lab X", LocalDate.of(2023, 8, 9)));
        var refused = deid.summarise(chart(List.of(), List.of(), genotypes), List.of(), false, AS_OF);
        assertThat(refused.genotypes()).isEmpty();
        assertThat(refused.withheld()).containsExactly(
                new Withheld(Withheld.Kind.GENOTYPE, Withheld.Reason.GENOTYPES_NOT_ALLOWED, 3));

        var allowed = deid.summarise(chart(List.of(), List.of(), genotypes), List.of(), true, AS_OF);
        assertThat(allowed.genotypes()).singleElement().satisfies(g -> {
            assertThat(g.result().gene()).isEqualTo("CYP2C19");
            assertThat(g.result().diplotype()).contains("*1/*2");
            assertThat(g.result().phenotype()).containsIgnoringCase("intermediate metabolizer");
            assertThat(g.year()).isEqualTo(Year.of(2023));
        });
        assertThat(allowed.withheld()).containsExactly(
                new Withheld(Withheld.Kind.GENOTYPE, Withheld.Reason.NOT_INTERPRETABLE, 2));
    }

    @Test
    void riskResultsKeepModelVersionValueAndYearOnly() {
        var s = deid.summarise(chart(List.of(), List.of(), List.of()), List.of(
                decision("pce-2013", "1.0.0", 12.4, "age=92;sex=female"),
                decision("no-such-model", "1.0.0", 3, ""),
                decision("warfarin-iwpc", "1.0.0", 31.5, "age=70;cyp2c9=*1/*3;vkorc1=g/a")), false, AS_OF);
        assertThat(s.risks()).singleElement().satisfies(r -> {
            assertThat(r.model().id()).isEqualTo("pce-2013");
            assertThat(r.model().version()).isEqualTo("1.0.0");
            assertThat(r.value()).isEqualByComparingTo("12.4");
            assertThat(r.year()).isEqualTo(Year.of(2025));
        });
        assertThat(s.withheld()).containsExactly(
                new Withheld(Withheld.Kind.RISK_RESULT, Withheld.Reason.DERIVED_FROM_GENOTYPE, 1),
                new Withheld(Withheld.Kind.RISK_RESULT, Withheld.Reason.UNKNOWN_MODEL, 1));
        assertThat(s.toString()).doesNotContain("declined", "age=92", "high", "dr.lee");
    }

    @Test
    void aResultComputedFromAGenotypeLeavesWhenGenotypesMay() {
        var s = deid.summarise(chart(List.of(), List.of(), List.of()),
                List.of(decision("warfarin-iwpc", "1.0.0", 31.5, "age=70;cyp2c9=*1/*3;vkorc1=g/a")), true, AS_OF);
        assertThat(s.risks()).extracting(r -> r.model().id()).containsExactly("warfarin-iwpc");
    }

    @Test
    void theOldestLoseTheirBirthYear() {
        Patient old = new Patient(id, new Mrn("MRN-1"), "Lakin", "Eddie", Sex.MALE, LocalDate.of(1935, 6, 16),
                "", "", SharingConsent.legacy(Consent.GIVEN), null);
        var s = deid.summarise(new Chart(old, List.of(), List.of(), List.of(), List.of()), List.of(), false, AS_OF);
        assertThat(s.birthYear()).isInstanceOf(BirthYear.NinetyOrOlder.class);
        assertThat(s.zip3()).isEqualTo(Zip3.SUPPRESSED);
        assertThat(s.toString()).doesNotContain("1935");
        var dayBefore = deid.summarise(new Chart(old, List.of(), List.of(), List.of(), List.of()), List.of(), false,
                AS_OF.minusDays(1));
        assertThat(dayBefore.birthYear()).isEqualTo(new BirthYear.Known(Year.of(1935)));
    }

    @Test
    void resourceKeysAreStableAndKeyedBySecret() {
        Chart c = chart(List.of(obs(Measure.HEART_RATE, 71, Unit.PER_MIN, "2025-01-10T10:00:00Z")), List.of(), List.of());
        var a = deid.summarise(c, List.of(), false, AS_OF);
        var b = deid.summarise(c, List.of(), false, AS_OF);
        assertThat(a).isEqualTo(b);
        var other = Deidentifier.withBundledTables(PseudonymKey.random(), MODELS, CLINIC).summarise(c, List.of(), false, AS_OF);
        assertThat(other.observations().getFirst().key()).isNotEqualTo(a.observations().getFirst().key());
        assertThat(a.observations().getFirst().key().hex()).doesNotContain(c.observations().getFirst().id().toString());
    }

    @Test
    void theGatesPopulationGroupsPatientsAsTheirSummariesDo() {
        Patient neighbour = new Patient(PatientId.random(), new Mrn("MRN-2"), "Okafor", "Chidi", Sex.FEMALE,
                LocalDate.of(1954, 12, 31), "3 Elm St, Springfield, MA 01104", "", SharingConsent.legacy(Consent.GIVEN), null);
        var population = deid.population(List.of(patient, neighbour), AS_OF);
        var summary = deid.summarise(chart(List.of(), List.of(), List.of()), List.of(), false, AS_OF);
        assertThat(population).containsEntry(summary.pseudonym(), summary.quasiIdentifiers()).hasSize(2);
        assertThat(population.get(deid.pseudonym(neighbour.id()))).isEqualTo(summary.quasiIdentifiers());
        assertThat(new KAnonymityGate(2).assess(population).values()).allMatch(KAnonymityGate.Verdict::released);
        assertThat(KAnonymityGate.withDefaultK().assess(population).get(summary.pseudonym()).reason())
                .contains("group of 2 < k=5 on (1950-1954, female, 011)");
    }

    @Test
    void anEntryAboutAnotherPatientIsRefused() {
        Decision foreign = new Decision(UUID.randomUUID(), PatientId.random(), "pce-2013", "1.0.0", "",
                OptionalDouble.of(1), Optional.empty(), DecisionKind.ACKNOWLEDGED, "", "dr.lee", Instant.now());
        assertThatThrownBy(() -> deid.summarise(chart(List.of(), List.of(), List.of()), List.of(foreign), false, AS_OF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(id.toString());
    }
}
