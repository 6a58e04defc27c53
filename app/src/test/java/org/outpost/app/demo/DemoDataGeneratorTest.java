package org.outpost.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.AllergySeverity;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.PatientSummary;
import org.outpost.app.domain.Quantity;
import org.outpost.app.domain.Unit;
import org.outpost.app.port.PatientRepository;
import org.outpost.app.usecase.DuplicateCandidate;
import org.outpost.app.usecase.DuplicateFinder;
import org.outpost.app.usecase.AllergyDraft;
import org.outpost.app.usecase.PatientDraft;
import org.outpost.app.domain.PatientQuery;
import org.outpost.app.validation.MeasurementRules;

class DemoDataGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Instant NOW = TODAY.atStartOfDay(ZONE).toInstant();

    private final List<DemoPatient> population = generator(7).patients(1, 400);

    private static DemoDataGenerator generator(long seed) {
        return new DemoDataGenerator(seed, TODAY, ZONE, "demo.admin");
    }

    @Test
    void sameSeedGivesIdenticalPatientsFieldForField() {
        assertThat(generator(7).patients(1, 400)).isEqualTo(population);
        // and a patient generated on its own equals the same number generated in a run
        assertThat(generator(7).patient(137)).isEqualTo(population.get(136));
    }

    @Test
    void differentSeedGivesDifferentPatients() {
        List<DemoPatient> other = generator(8).patients(1, 400);
        assertThat(other).isNotEqualTo(population);
        long sameName = 0;
        for (int i = 0; i < population.size(); i++) {
            Patient a = population.get(i).patient();
            Patient b = other.get(i).patient();
            assertThat(b.id()).isNotEqualTo(a.id());
            if (a.familyName().equals(b.familyName()) && a.givenName().equals(b.givenName())) {
                sameName++;
            }
        }
        assertThat(sameName).isLessThan(20);
    }

    /**
     * Issue 11, item 9: the README's walk-through (OP-000001 and the other teaching cases) works on any day the
     * demo is made: creatinine and weight inside the prescribing check's three-month window.
     */
    @Test
    void theTeachingCasesHaveACreatinineAndWeightFromTheLastThreeMonthsWhateverTheDay() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(23)) {
            DemoDataGenerator g = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, day, ZONE, "demo.admin");
            Instant window = day.minusMonths(3).atStartOfDay(ZONE).toInstant();
            Instant made = day.atStartOfDay(ZONE).toInstant();
            for (int number : new int[] {1, 2, 3, 101, 102, 103}) {
                DemoPatient p = g.patient(number);
                for (org.outpost.app.domain.Measure m : List.of(org.outpost.app.domain.Measure.CREATININE,
                        org.outpost.app.domain.Measure.BODY_WEIGHT)) {
                    assertThat(p.observations().stream().filter(o -> o.measure() == m)
                            .map(org.outpost.app.domain.Observation::effective).max(Instant::compareTo))
                            .as("patient %d's latest %s on a demo made %s", number, m, made)
                            .hasValueSatisfying(t -> assertThat(t).isAfter(window).isBefore(made));
                }
            }
        }
    }

    @Test
    void generatesTheRequestedPatientsWithConsecutiveRecordNumbers() {
        assertThat(population).hasSize(400);
        assertThat(population.getFirst().patient().mrn()).isEqualTo(new Mrn("OP-000001"));
        assertThat(population.getLast().patient().mrn()).isEqualTo(new Mrn("OP-000400"));
        assertThat(population.stream().map(p -> p.patient().id()).distinct()).hasSize(400);
        assertThat(generator(7).patients(1000, 3)).extracting(p -> p.patient().mrn().value())
                .containsExactly("OP-001000", "OP-001001", "OP-001002");
    }

    @Test
    void everyMeasurementPassesTheMeasurementRules() {
        long checked = 0;
        for (DemoPatient p : population) {
            Map<Instant, Map<Measure, Quantity>> byTime = p.observations().stream().collect(Collectors.groupingBy(
                    Observation::effective, Collectors.toMap(Observation::measure, Observation::value)));
            for (Observation o : p.observations()) {
                assertThat(MeasurementRules.check(o.measure(), o.value())).as("%s %s", o.measure(), o.value())
                        .isEmpty();
                assertThat(o.effective()).isBefore(NOW);
                assertThat(o.patient()).isEqualTo(p.patient().id());
                checked++;
            }
            for (Map<Measure, Quantity> recording : byTime.values()) {
                assertThat(MeasurementRules.check(recording)).as("%s", recording).isEmpty();
            }
        }
        assertThat(checked).isGreaterThan(400L * 20);
    }

    @Test
    void demographicsAreValidAdultsAged18To90() {
        for (DemoPatient p : population) {
            Patient pt = p.patient();
            PatientDraft draft = new PatientDraft(pt.mrn().value(), pt.familyName(), pt.givenName(), pt.sex(),
                    pt.birthDate(), pt.address(), pt.phone(), pt.consent().summaries(), AllergyDraft.of(pt.allergies()));
            assertThat(draft.validate(TODAY)).isEmpty();
            assertThat(pt.ageOn(TODAY)).isBetween(18, 90);
            assertThat(pt.phone()).matches("(\\+44 7700 900|07700 900|01632 960)\\d{3}");
        }
        assertThat(population).anyMatch(p -> !PatientQuery.fold(p.patient().familyName())
                .equals(p.patient().familyName().toLowerCase(java.util.Locale.ROOT)));
        assertThat(population.stream().map(p -> p.patient().sex()).distinct().count()).isGreaterThanOrEqualTo(2);
        assertThat(population).anyMatch(p -> p.patient().allergies() instanceof AllergyStatus.NotRecorded);
        assertThat(population).anyMatch(p -> p.patient().allergies() instanceof AllergyStatus.NoKnownAllergies n
                && n.recorded().by().equals("demo.admin") && n.recorded().at().isBefore(NOW));
        assertThat(population).anyMatch(p -> p.patient().allergies().entries().stream()
                .anyMatch(e -> !e.reaction().isEmpty() && e.severity() != AllergySeverity.UNKNOWN));
        assertThat(population).anyMatch(p -> p.patient().allergies().entries().stream()
                .anyMatch(e -> e.reaction().isEmpty() && e.recorded().isEmpty()));
    }

    @Test
    void nearDuplicatePairsAreFoundByTheDuplicateCheck() {
        for (int number : List.of(4, 9, 104, 109)) {
            Patient copy = population.get(number - 1).patient();
            Patient original = population.get(number - 2).patient();
            assertThat(copy.birthDate()).isEqualTo(original.birthDate());
            List<DuplicateCandidate> found = DuplicateFinder.find(new BornOn(List.of(original)),
                    copy.familyName(), copy.givenName(), copy.birthDate());
            assertThat(found).as("patient %d", number).extracting(c -> c.patient().id()).containsExactly(original.id());
        }
        assertThat(population.get(8).patient().familyName()).isEqualTo(population.get(7).patient().givenName());
    }

    @Test
    void patientOneIsACyp2c19PoorMetaboliserTakingClopidogrel() {
        DemoPatient one = population.getFirst();
        assertThat(one.genotypes()).extracting(Genotype::gene, Genotype::diplotype).contains(
                org.assertj.core.groups.Tuple.tuple("CYP2C19", "*2/*2"));
        assertThat(one.medications()).anyMatch(m -> m.name().equals("clopidogrel")
                && m.rxnorm().equals(Optional.of("32968")) && m.activeOn(TODAY));
        assertThat(generator(99).patient(1).genotypes()).extracting(Genotype::diplotype).contains("*2/*2");
    }

    @Test
    void inrIsMeasuredOnlyForPatientsWhoTookWarfarin() {
        int onWarfarin = 0;
        for (DemoPatient p : population) {
            boolean warfarin = p.medications().stream().anyMatch(m -> m.name().equals("warfarin"));
            boolean inr = p.observations().stream().anyMatch(o -> o.measure() == Measure.INR);
            if (warfarin) {
                onWarfarin++;
                assertThat(inr).as("INR for a warfarin patient").isTrue();
            } else {
                assertThat(inr).as("INR without warfarin").isFalse();
            }
        }
        assertThat(onWarfarin).isGreaterThanOrEqualTo(4);
        assertThat(population.get(1).medications()).extracting(Medication::name).contains("warfarin");
    }

    /** Cystatin C comes with a creatinine from the same draw, in mg/L, for a minority (the kidney patients). */
    @Test
    void cystatinCIsDrawnWithACreatinineForSomePatients() {
        long withCystatin = 0;
        for (DemoPatient p : population) {
            Set<Instant> creatinine = new java.util.HashSet<>();
            p.observations().stream().filter(o -> o.measure() == Measure.CREATININE).forEach(o -> creatinine.add(o.effective()));
            List<Observation> cys = p.observations().stream().filter(o -> o.measure() == Measure.CYSTATIN_C).toList();
            assertThat(cys).allSatisfy(o -> {
                assertThat(o.value().unit()).isEqualTo(Unit.MG_PER_L);
                assertThat(o.value().value()).isBetween(0.6, 6.0);
                assertThat(creatinine).contains(o.effective());
            });
            withCystatin += cys.isEmpty() ? 0 : 1;
        }
        assertThat(withCystatin).isBetween(4L, 80L);
    }

    @Test
    void recordsCoverEveryMeasureSeveralUnitsAndTheWholePanel() {
        Set<Measure> measures = EnumSet.noneOf(Measure.class);
        Map<Measure, Set<Unit>> units = new EnumMap<>(Measure.class);
        Set<String> genes = new java.util.TreeSet<>();
        for (DemoPatient p : population) {
            for (Observation o : p.observations()) {
                measures.add(o.measure());
                units.computeIfAbsent(o.measure(), m -> EnumSet.noneOf(Unit.class)).add(o.value().unit());
            }
            p.genotypes().forEach(g -> genes.add(g.gene()));
            assertThat(p.medications()).allMatch(m -> m.rxnorm().isPresent() && !m.start().isAfter(TODAY));
            assertThat(p.encounters()).isNotEmpty();
        }
        assertThat(measures).containsExactlyInAnyOrder(Measure.values());
        assertThat(units.get(Measure.TOTAL_CHOLESTEROL)).contains(Unit.MG_PER_DL, Unit.MMOL_PER_L);
        assertThat(units.get(Measure.CREATININE)).contains(Unit.MG_PER_DL, Unit.UMOL_PER_L);
        assertThat(units.get(Measure.HBA1C)).contains(Unit.PERCENT, Unit.MMOL_PER_MOL);
        assertThat(genes).containsExactlyInAnyOrder("CYP2C19", "CYP2C9", "VKORC1", "SLCO1B1", "TPMT", "DPYD",
                "CYP2D6");
        long tested = population.stream().filter(p -> !p.genotypes().isEmpty()).count();
        assertThat(tested).isBetween(80L, 200L);
    }

    @Test
    void bloodPressureFollowsAPerPatientBaseline() {
        // within one patient readings cluster; across patients baselines differ
        double[] means = population.stream().mapToDouble(p -> p.observations().stream()
                .filter(o -> o.measure() == Measure.SYSTOLIC_BP).mapToDouble(o -> o.value().value())
                .average().orElse(Double.NaN)).filter(Double::isFinite).toArray();
        double overall = java.util.Arrays.stream(means).average().orElseThrow();
        assertThat(overall).isBetween(115.0, 150.0);
        double spread = java.util.Arrays.stream(means).max().orElseThrow()
                - java.util.Arrays.stream(means).min().orElseThrow();
        assertThat(spread).isGreaterThan(25);
    }

    /** Only what {@link DuplicateFinder} asks of a repository. */
    private record BornOn(List<Patient> patients) implements PatientRepository {
        @Override
        public List<Patient> bornOn(Collection<LocalDate> days) {
            return patients.stream().filter(p -> days.contains(p.birthDate())).toList();
        }

        @Override
        public void insert(Patient patient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Patient patient) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordConsent(PatientId patient, org.outpost.app.domain.SharingConsent consent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<org.outpost.app.sharing.QuasiIdentifiers> consentedQuasiIdentifiers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Patient> find(PatientId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Patient> findByMrn(Mrn mrn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PatientSummary> search(PatientQuery query, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long count() {
            return patients.size();
        }
    }
}
