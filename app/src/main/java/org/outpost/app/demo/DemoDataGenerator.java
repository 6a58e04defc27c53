package org.outpost.app.demo;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.outpost.app.domain.AllergyEntry;
import org.outpost.app.domain.AllergyStatus;
import org.outpost.app.domain.CodeSystem;
import org.outpost.app.domain.Condition;
import org.outpost.app.domain.ConditionCode;
import org.outpost.app.domain.ConditionStatus;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.ProblemList;
import org.outpost.app.domain.SmokingRecord;
import org.outpost.app.domain.SmokingStatus;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Recorded;
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

/**
 * Makes realistic, entirely invented clinic patients, deterministically: the same seed, patient number,
 * day and clinician always give the same patient, field for field (ids included), so a demo database can
 * be rebuilt exactly. Each patient number has its own random stream derived from the seed, so patients
 * can be generated one at a time, in any order, without holding the whole population in memory.
 *
 * <p>What a patient gets: demographics (varied and accented names, ages 18–90, addresses and phone
 * numbers from ranges reserved for fiction, consent, allergies in all three states: not recorded, none known, a list with reactions); one to six years of encounters
 * with vitals (blood pressure around a per-patient baseline with a slow drift and a drop once treated,
 * heart rate, temperature, weight, height, SpO2); yearly labs (total and HDL cholesterol, creatinine,
 * glucose, HbA1c; cystatin C with each draw for patients with kidney disease; INR checks for patients on
 * warfarin), a share of patients reported in SI units
 * (mmol/L, µmol/L, mmol/mol) and a few with imperial vitals (lb, in, °F); medications that follow from
 * their conditions, coded with RxNorm ingredient concepts; and for about a third a pharmacogenomic panel.
 *
 * <p>A few patients are fixed by number so every demo database shows the same teaching cases: number
 * 1, 101, 201… is a CYP2C19 *2/*2 poor metaboliser taking clopidogrel after a coronary stent; 2, 102…
 * takes warfarin (with INR checks and a CYP2C9/VKORC1 result); 3, 103… has type 2 diabetes on metformin;
 * 4, 104… is a near-duplicate of the patient before it (a transposed-letter typo, same birth date) and
 * 9, 109… repeats the patient before it with given and family name swapped; these two have only a
 * short, recent record, as a second registration would.
 *
 * <p>Every value lies well inside the plausible ranges of {@link org.outpost.app.validation.MeasurementRules}.
 */
public final class DemoDataGenerator {
    /** The seed used when none is given, so "the demo database" means the same thing everywhere. */
    public static final long DEFAULT_SEED = 20_250_101L;

    /** Where the genotype results say they came from. */
    public static final String GENOTYPE_SOURCE = "Outpost demo PGx panel (synthetic)";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final LocalDate today;
    private final ZoneId zone;
    private final String clinician;

    /**
     * @param seed      the population's seed
     * @param today     the clinic's today: every date generated lies before it
     * @param zone      the clinic's time zone, for turning visit times into instants
     * @param clinician the user name recorded as the clinician and as the one who recorded values
     */
    public DemoDataGenerator(long seed, LocalDate today, ZoneId zone, String clinician) {
        this.seed = seed;
        this.today = Objects.requireNonNull(today, "today");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.clinician = Objects.requireNonNull(clinician, "clinician");
    }

    /** The record number the generator gives patient {@code number}: OP-000001 onwards, as the clinic issues them. */
    public static Mrn mrn(long number) {
        return new Mrn(String.format("OP-%06d", number));
    }

    /** Patients {@code first}, {@code first + 1}, … ({@code count} of them). */
    public List<DemoPatient> patients(long first, int count) {
        List<DemoPatient> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(patient(first + i));
        }
        return out;
    }

    /** Patient number {@code number} (1 or more) of this seed, with the MRN {@link #mrn(long)}. */
    public DemoPatient patient(long number) {
        if (number < 1) {
            throw new IllegalArgumentException("patient numbers start at 1");
        }
        Demographics d = demographics(number);
        RandomGenerator rng = stream(number, 1);
        PatientId id = new PatientId(uuid(rng));
        Patient patient = new Patient(id, mrn(number), d.family(), d.given(), d.sex(), d.birthDate(), d.address(),
                d.phone(), sharingConsent(number, d.consent()), d.allergies());
        return new Clinical(rng, number, patient).build();
    }

    // ---------------------------------------------------------------- demographics

    private record Demographics(String family, String given, Sex sex, LocalDate birthDate, String address,
                                String phone, Consent consent, AllergyStatus allergies) { }

    private Demographics demographics(long number) {
        RandomGenerator rng = stream(number, 0);
        long slot = number % 100;
        if (number > 1 && slot == 4) {
            Demographics original = demographics(number - 1);
            String phone = rng.nextInt(3) == 0 ? phone(rng) : original.phone();
            return new Demographics(typo(original.family(), rng), original.given(), original.sex(),
                    original.birthDate(), original.address(), phone, Consent.UNKNOWN, AllergyStatus.notRecorded());
        }
        if (number > 1 && slot == 9) {
            Demographics original = demographics(number - 1);
            return new Demographics(original.given(), original.family(), original.sex(), original.birthDate(),
                    original.address(), original.phone(), Consent.UNKNOWN, original.allergies());
        }
        int s = rng.nextInt(1000);
        Sex sex = s < 515 ? Sex.FEMALE : s < 990 ? Sex.MALE : s < 995 ? Sex.OTHER : Sex.UNKNOWN;
        List<String> givenPool = switch (sex) {
            case FEMALE -> DemoNames.FEMALE_GIVEN;
            case MALE -> DemoNames.MALE_GIVEN;
            default -> rng.nextBoolean() ? DemoNames.FEMALE_GIVEN : DemoNames.MALE_GIVEN;
        };
        String given = pick(givenPool, rng);
        String family = pick(DemoNames.FAMILY, rng);
        // A clinic's adults skew older: the mean of two uniforms peaks in the mid-fifties.
        int age = 18 + (int) (72 * (rng.nextDouble() + rng.nextDouble()) / 2);
        if (slot == 1 || slot == 2) {
            age = 58 + rng.nextInt(28); // the stent and warfarin teaching cases are older adults
        }
        LocalDate birth = today.minusYears(age).minusDays(rng.nextInt(1, 365));
        String address = (1 + rng.nextInt(240)) + " " + pick(DemoNames.STREETS, rng) + ", "
                + pick(DemoNames.TOWNS, rng);
        int c = rng.nextInt(100);
        Consent consent = c < 60 ? Consent.GIVEN : c < 75 ? Consent.REFUSED : Consent.UNKNOWN;
        List<String> allergies = new ArrayList<>();
        int a = rng.nextInt(100);
        int allergyCount = a < 72 ? 0 : a < 93 ? 1 : 2;
        while (allergies.size() < allergyCount) {
            String substance = pick(DemoNames.ALLERGIES, rng);
            if (!allergies.contains(substance)) {
                allergies.add(substance);
            }
        }
        return new Demographics(family, given, sex, birth, address, phone(rng), consent,
                allergyStatus(number, allergies));
    }

    /**
     * The consent as a clinic records it: who asked and on which past day; of those who agreed, about a third also
     * agreed to their genotypes going with the summaries. Drawn from a stream of its own (3), so adding it changed
     * no other field of the demo population.
     */
    private SharingConsent sharingConsent(long number, Consent answer) {
        RandomGenerator rng = stream(number, 3);
        Recorded recorded = new Recorded(clinician, today.minusDays(rng.nextInt(1, 1500)).atTime(11, 30)
                .atZone(zone).toInstant());
        boolean genotypes = rng.nextInt(3) == 0;
        return switch (answer) {
            case GIVEN -> SharingConsent.given(genotypes, recorded);
            case REFUSED -> SharingConsent.refused(recorded);
            default -> SharingConsent.notRecorded();
        };
    }

    /**
     * The three states a clinic's charts hold: of the patients without an allergy, a little over half have "no
     * known allergies" recorded by the clinician on some past day and the rest were never asked; allergies get a
     * reaction and severity (the two-thirds of them that had one recorded). Drawn from a stream of their own, so
     * adding them changed no other field of the demo population.
     */
    private AllergyStatus allergyStatus(long number, List<String> substances) {
        RandomGenerator rng = stream(number, 2);
        Recorded recorded = new Recorded(clinician, today.minusDays(rng.nextInt(30, 1500)).atTime(10, 0)
                .atZone(zone).toInstant());
        if (substances.isEmpty()) {
            return rng.nextInt(100) < 55 ? new AllergyStatus.NoKnownAllergies(recorded) : AllergyStatus.notRecorded();
        }
        List<AllergyEntry> entries = new ArrayList<>();
        for (String substance : substances) {
            if (rng.nextInt(3) == 0) {
                entries.add(AllergyEntry.legacy(substance));
            } else {
                int r = rng.nextInt(DemoNames.REACTIONS.size());
                entries.add(new AllergyEntry(substance, DemoNames.REACTIONS.get(r), DemoNames.REACTION_SEVERITIES.get(r),
                        Optional.of(recorded)));
            }
        }
        return new AllergyStatus.Listed(entries);
    }

    /** Phone numbers from ranges reserved for drama and fiction (Ofcom 07700 900xxx, 01632 960xxx). */
    private static String phone(RandomGenerator rng) {
        int n = rng.nextInt(1000);
        return switch (rng.nextInt(3)) {
            case 0 -> String.format("07700 900%03d", n);
            case 1 -> String.format("+44 7700 900%03d", n);
            default -> String.format("01632 960%03d", n);
        };
    }

    /** Swaps two neighbouring, different letters inside the name (a keying slip), keeping the first letter. */
    private static String typo(String name, RandomGenerator rng) {
        String base = Normalizer.normalize(name, Normalizer.Form.NFC);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i + 1 < base.length(); i++) {
            char x = base.charAt(i);
            char y = base.charAt(i + 1);
            if (Character.isLetter(x) && Character.isLetter(y) && x != y) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return base + base.charAt(base.length() - 1);
        }
        int i = candidates.get(rng.nextInt(candidates.size()));
        return base.substring(0, i) + base.charAt(i + 1) + base.charAt(i) + base.substring(i + 2);
    }

    // ---------------------------------------------------------------- clinical record

    /** Builds one patient's clinical history from their own random stream. */
    private final class Clinical {
        private final RandomGenerator rng;
        /**
         * Cystatin C's own stream (purpose 2), so adding it left every other value of the record as it was: the
         * teaching cases and the demo databases made before it stay the same.
         */
        private final RandomGenerator cystatinRng;
        private final long slot;
        private final Patient patient;
        private final long patientNumber;
        private final int age;
        private final LocalDate historyStart;

        private final List<Encounter> encounters = new ArrayList<>();
        private final List<Observation> observations = new ArrayList<>();
        private final List<Medication> medications = new ArrayList<>();
        private final List<Genotype> genotypes = new ArrayList<>();

        // conditions, each with the day it was diagnosed (empty when absent)
        private final Optional<LocalDate> hypertension;
        private final Optional<LocalDate> diabetes;
        private final Optional<LocalDate> dyslipidaemia;
        private final Optional<LocalDate> atrialFibrillation;
        private final Optional<LocalDate> coronaryStent;
        private final boolean kidneyDisease;
        private final boolean copd;

        // per-patient baselines in canonical units
        private final double systolicBase;
        private final double diastolicBase;
        private final double bpDriftPerYear;
        private final double heartRateBase;
        private final double heightCm;
        private final double weightBaseKg;
        private final double weightDriftPerYear;
        private final double spo2Base;
        private final double cholesterolBase;
        private final double hdlBase;
        private final double creatinineBase;
        private final double hba1cBase;
        private final boolean siLabs;
        private final boolean imperialVitals;

        Clinical(RandomGenerator rng, long number, Patient patient) {
            this.rng = rng;
            this.cystatinRng = stream(number, 2);
            this.patientNumber = number;
            this.slot = number % 100;
            this.patient = patient;
            this.age = patient.ageOn(today);
            // a duplicate registration is recent: the record was opened again at a visit this past year
            this.historyStart = duplicate()
                    ? today.minusDays(30 + rng.nextInt(330))
                    : today.minusYears(1 + rng.nextInt(6)).plusDays(rng.nextInt(60));
            boolean female = patient.sex() == Sex.FEMALE;

            hypertension = condition(0.04 + (age - 18) * 0.0085, false);
            diabetes = condition(0.03 + (age - 18) * 0.0025, slot == 3);
            dyslipidaemia = condition(age < 35 ? 0.03 : 0.05 + (age - 35) * 0.007, false);
            atrialFibrillation = slot == 2
                    ? Optional.of(historyStart.minusDays(60 + rng.nextInt(1500)))
                    : condition(age < 55 ? 0.005 : (age - 55) * 0.004, false);
            coronaryStent = slot == 1
                    ? Optional.of(today.minusDays(30 + rng.nextInt(150)))
                    : condition(age < 45 ? 0.003 : (age - 45) * 0.0035, false);
            kidneyDisease = rng.nextDouble() < (age < 65 ? 0.03 : 0.12);
            copd = rng.nextDouble() < (age < 50 ? 0.01 : 0.06);

            systolicBase = 112 + (age - 18) * 0.35 + gauss(0, 7) + (hypertension.isPresent() ? 14 : 0);
            diastolicBase = 72 + gauss(0, 5) + (hypertension.isPresent() ? 7 : 0) - (age > 65 ? 5 : 0);
            bpDriftPerYear = gauss(0.7, 1.2);
            heartRateBase = clamp(gauss(72, 8), 52, 96);
            heightCm = clamp(female ? gauss(163, 6.5) : gauss(176.5, 7), 142, 203);
            double bmi = clamp(gauss(27 + (diabetes.isPresent() ? 4 : 0), 4.5), 17.5, 46);
            weightBaseKg = bmi * heightCm * heightCm / 10_000;
            weightDriftPerYear = gauss(0.3, 0.9);
            spo2Base = copd ? 93 : 97.5;
            cholesterolBase = clamp(gauss(dyslipidaemia.isPresent() ? 240 : 195, 28), 120, 330);
            hdlBase = clamp(female ? gauss(60, 12) : gauss(48, 10), 25, 105);
            creatinineBase = (female ? gauss(0.78, 0.1) : gauss(0.98, 0.12)) * (age > 70 ? 1.15 : 1)
                    * (kidneyDisease ? 1.9 : 1);
            hba1cBase = diabetes.isPresent() ? clamp(gauss(7.6, 0.9), 6.5, 11) : clamp(gauss(5.4, 0.25), 4.6, 6.2);
            siLabs = rng.nextInt(100) < 40;
            imperialVitals = rng.nextInt(100) < 12;
        }

        private boolean duplicate() {
            return slot == 4 || slot == 9;
        }

        /** A condition with probability {@code p}: diagnosed before the history (70 %) or during it. */
        private Optional<LocalDate> condition(double p, boolean forced) {
            boolean has = rng.nextDouble() < p;
            if (!has && !forced) {
                return Optional.empty();
            }
            if (rng.nextInt(10) < 7) {
                return Optional.of(historyStart.minusDays(30 + rng.nextInt(2500)));
            }
            long span = Math.max(1, ChronoUnit.DAYS.between(historyStart, today) - 1);
            return Optional.of(historyStart.plusDays(rng.nextLong(span)));
        }

        DemoPatient build() {
            prescribe();
            visits();
            genotypes();
            medications.sort(Comparator.comparing(Medication::start));
            observations.sort(Comparator.comparing(Observation::effective));
            return new DemoPatient(patient, encounters, observations, medications, genotypes, problemList(),
                    smokingHistory());
        }

        /**
         * The problem list from the conditions drawn above (coded as Synthea codes them: SNOMED CT, CKD as ICD-10),
         * reviewed as complete for about six in ten patients. Its random draws come from a stream of their own (7), so
         * adding it changed no other field of the demo population.
         */
        private ProblemList problemList() {
            RandomGenerator own = stream(patientNumber, 7);
            Instant at = today.minusDays(own.nextInt(1, 400)).atTime(9, 15).atZone(zone).toInstant();
            Recorded by = new Recorded(clinician, at);
            List<Condition> list = new ArrayList<>();
            hypertension.ifPresent(d -> list.add(problem(own, CodeSystem.SNOMED_CT, "38341003", "Hypertensive disorder", d, by)));
            diabetes.ifPresent(d -> list.add(problem(own, CodeSystem.SNOMED_CT, "44054006", "Diabetes mellitus type 2", d, by)));
            dyslipidaemia.ifPresent(d -> list.add(problem(own, CodeSystem.SNOMED_CT, "55822004", "Hyperlipidemia", d, by)));
            atrialFibrillation.ifPresent(d -> list.add(problem(own, CodeSystem.SNOMED_CT, "49436004", "Atrial fibrillation", d, by)));
            coronaryStent.ifPresent(d -> list.add(problem(own, CodeSystem.SNOMED_CT, "53741008",
                    "Coronary arteriosclerosis (coronary heart disease)", d, by)));
            if (kidneyDisease) {
                list.add(problem(own, CodeSystem.ICD_10, "N18.3", "Chronic kidney disease, stage 3", null, by));
            }
            if (copd) {
                list.add(problem(own, CodeSystem.SNOMED_CT, "13645005", "Chronic obstructive lung disease", null, by));
            }
            boolean reviewed = own.nextInt(10) < 6;
            return new ProblemList(list, reviewed ? Optional.of(by) : Optional.empty());
        }

        private Condition problem(RandomGenerator own, CodeSystem system, String code, String term, LocalDate onset,
                                  Recorded by) {
            return new Condition(uuid(own), patient.id(), new ConditionCode(system, code, term),
                    Optional.ofNullable(onset).filter(d -> !d.isBefore(patient.birthDate()) && !d.isAfter(today)),
                    ConditionStatus.ACTIVE, Optional.empty(), by);
        }

        /**
         * Smoking as asked at a recent visit: about one in six smoke (with how many a day), a quarter stopped, the
         * rest never smoked; one in ten was never asked. Its own stream (8).
         */
        private List<SmokingRecord> smokingHistory() {
            RandomGenerator own = stream(patientNumber, 8);
            int r = own.nextInt(100);
            if (r < 10) {
                return List.of();
            }
            SmokingStatus status = r < 27 ? SmokingStatus.CURRENT : r < 52 ? SmokingStatus.FORMER : SmokingStatus.NEVER;
            java.util.OptionalInt perDay = status == SmokingStatus.CURRENT
                    ? java.util.OptionalInt.of(List.of(5, 10, 15, 20, 25).get(own.nextInt(5))) : java.util.OptionalInt.empty();
            LocalDate asked = today.minusDays(own.nextInt(1, 700));
            Instant at = asked.atTime(10, 40).atZone(zone).toInstant();
            return List.of(new SmokingRecord(uuid(own), patient.id(), status, perDay, asked, new Recorded(clinician, at)));
        }

        // ------------------------------------------------------------ medications

        private void prescribe() {
            hypertension.ifPresent(onset -> {
                int r = rng.nextInt(100);
                if (r < 70) {
                    LocalDate start = onset.plusDays(rng.nextInt(60));
                    if (rng.nextInt(10) == 0 && start.plusDays(40).isBefore(today)) {
                        // the ACE-inhibitor cough: stopped, switched to an angiotensin receptor blocker
                        LocalDate stop = start.plusDays(30 + rng.nextInt(150));
                        if (stop.isAfter(today.minusDays(2))) {
                            stop = today.minusDays(2);
                        }
                        add("lisinopril", "29046", "10 mg", "once daily", start, Optional.of(stop));
                        add("losartan", "52175", "50 mg", "once daily", stop.plusDays(1), Optional.empty());
                    } else {
                        add("lisinopril", "29046", pick(List.of("5 mg", "10 mg", "20 mg"), rng), "once daily",
                                start, Optional.empty());
                    }
                }
                if (r >= 45) {
                    add("amlodipine", "17767", pick(List.of("5 mg", "10 mg"), rng), "once daily",
                            onset.plusDays(rng.nextInt(200)), Optional.empty());
                }
                if (rng.nextInt(5) == 0) {
                    add("hydrochlorothiazide", "5487", "25 mg", "once daily", onset.plusDays(rng.nextInt(300)),
                            Optional.empty());
                }
            });
            boolean statin = dyslipidaemia.isPresent() || coronaryStent.isPresent()
                    || (diabetes.isPresent() && age >= 40);
            if (statin) {
                LocalDate start = earliest(dyslipidaemia, coronaryStent, diabetes).plusDays(rng.nextInt(90));
                if (coronaryStent.isPresent()) {
                    add("atorvastatin", "83367", "80 mg", "once daily", start, Optional.empty());
                } else {
                    switch (rng.nextInt(3)) {
                        case 0 -> add("atorvastatin", "83367", pick(List.of("10 mg", "20 mg", "40 mg"), rng),
                                "once daily", start, Optional.empty());
                        case 1 -> add("simvastatin", "36567", pick(List.of("20 mg", "40 mg"), rng), "once daily",
                                start, Optional.empty());
                        default -> add("rosuvastatin", "301542", pick(List.of("5 mg", "10 mg", "20 mg"), rng),
                                "once daily", start, Optional.empty());
                    }
                }
            }
            diabetes.ifPresent(onset -> add("metformin", "6809", pick(List.of("500 mg", "1000 mg"), rng),
                    "twice daily", onset.plusDays(rng.nextInt(30)), Optional.empty()));
            atrialFibrillation.ifPresent(onset -> {
                add("warfarin", "11289", pick(List.of("3 mg", "4 mg", "5 mg", "6 mg"), rng),
                        "once daily in the evening", onset.plusDays(rng.nextInt(14)), Optional.empty());
                add("metoprolol", "6918", pick(List.of("25 mg", "50 mg"), rng), "twice daily", onset,
                        Optional.empty());
            });
            coronaryStent.ifPresent(onset -> {
                // dual antiplatelet therapy for twelve months after a stent, then aspirin alone
                LocalDate yearAfter = onset.plusYears(1);
                Optional<LocalDate> stop = slot != 1 && yearAfter.isBefore(today) ? Optional.of(yearAfter)
                        : Optional.empty();
                add("clopidogrel", "32968", "75 mg", "once daily", onset, stop);
                add("aspirin", "1191", "75 mg", "once daily", onset, Optional.empty());
                if (rng.nextInt(10) < 4) {
                    add("omeprazole", "7646", "20 mg", "once daily", onset, Optional.empty());
                }
            });
            if (patient.sex() == Sex.FEMALE && rng.nextInt(100) < 6) {
                add("levothyroxine", "10582", pick(List.of("50 micrograms", "75 micrograms", "100 micrograms"), rng),
                        "once daily before breakfast", historyStart.minusDays(rng.nextInt(3000)), Optional.empty());
            }
        }

        private void add(String name, String rxnorm, String dose, String frequency, LocalDate start,
                         Optional<LocalDate> stop) {
            LocalDate s = start.isBefore(today) ? start : today.minusDays(1);
            medications.add(new Medication(uuid(rng), patient.id(), name, Optional.of(rxnorm), dose, "oral",
                    frequency, s, stop.filter(d -> !d.isBefore(s))));
        }

        private boolean taking(String name, LocalDate day) {
            return medications.stream().anyMatch(m -> m.name().equals(name) && m.activeOn(day));
        }

        // ------------------------------------------------------------ encounters, vitals and labs

        private void visits() {
            boolean chronic = hypertension.isPresent() || diabetes.isPresent() || atrialFibrillation.isPresent()
                    || coronaryStent.isPresent() || kidneyDisease;
            LocalDate lastLabs = null;
            LocalDate lastHeight = null;
            LocalDate day = historyStart;
            LocalDate lastDay = today.minusDays(1);
            while (!day.isAfter(lastDay)) {
                int r = rng.nextInt(100);
                boolean acute = r < 15;
                boolean phone = !acute && r < 25;
                boolean home = !acute && !phone && age >= 80 && r < 45;
                String type = phone ? "telephone" : home ? "home visit" : "outpatient";
                Instant at = at(day);
                encounters.add(new Encounter(uuid(rng), patient.id(), at, type, reason(acute, phone), clinician));
                if (!phone) {
                    vitals(day, at, acute, lastHeight == null || ChronoUnit.DAYS.between(lastHeight, day) > 700);
                    if (lastHeight == null || ChronoUnit.DAYS.between(lastHeight, day) > 700) {
                        lastHeight = day;
                    }
                    long sinceLabs = lastLabs == null ? Long.MAX_VALUE : ChronoUnit.DAYS.between(lastLabs, day);
                    if (!acute && sinceLabs >= (diabetes.isPresent() ? 160 : 330)) {
                        labs(day, at);
                        lastLabs = day;
                    }
                    if (taking("warfarin", day)) {
                        inr(at);
                    }
                }
                int gap = chronic ? 75 + rng.nextInt(110) : 150 + rng.nextInt(300);
                if (atrialFibrillation.isPresent()) {
                    inrChecks(day, day.plusDays(gap));
                }
                day = day.plusDays(gap);
            }
            // the teaching cases are dosed from their chart on any day the demo is made: a review visit with
            // labs and weight a few weeks ago, inside the prescribing check's three-month window
            if ((slot == 1 || slot == 2 || slot == 3) && (lastLabs == null || ChronoUnit.DAYS.between(lastLabs, today) > 45)) {
                LocalDate review = today.minusDays(10 + rng.nextInt(25));
                Instant at = at(review);
                encounters.add(new Encounter(uuid(rng), patient.id(), at, "outpatient", reason(false, false), clinician));
                vitals(review, at, false, lastHeight == null);
                labs(review, at);
            }
        }

        private String reason(boolean acute, boolean phone) {
            if (acute) {
                return pick(List.of("cough", "back pain", "dizziness", "urinary symptoms", "chest infection",
                        "rash", "sore throat", "fall at home"), rng);
            }
            if (phone) {
                return pick(List.of("results discussion", "repeat prescription", "medication query"), rng);
            }
            List<String> reviews = new ArrayList<>();
            hypertension.ifPresent(d -> reviews.add("hypertension review"));
            diabetes.ifPresent(d -> reviews.add("diabetes review"));
            atrialFibrillation.ifPresent(d -> reviews.add("atrial fibrillation review"));
            coronaryStent.ifPresent(d -> reviews.add("cardiac follow-up"));
            if (kidneyDisease) {
                reviews.add("kidney function review");
            }
            return reviews.isEmpty() ? "health check" : pick(reviews, rng);
        }

        /** Anticoagulation clinic: an INR check every four to six weeks between regular visits. */
        private void inrChecks(LocalDate from, LocalDate until) {
            LocalDate day = from.plusDays(28 + rng.nextInt(15));
            while (day.isBefore(until) && day.isBefore(today)) {
                if (taking("warfarin", day)) {
                    Instant at = at(day);
                    encounters.add(new Encounter(uuid(rng), patient.id(), at, "outpatient", "INR check", clinician));
                    inr(at);
                }
                day = day.plusDays(28 + rng.nextInt(15));
            }
        }

        private void vitals(LocalDate day, Instant at, boolean acute, boolean measureHeight) {
            double years = ChronoUnit.DAYS.between(historyStart, day) / 365.25;
            double treated = hypertension.filter(d -> !d.isAfter(day)).isPresent()
                    && (taking("lisinopril", day) || taking("amlodipine", day) || taking("losartan", day)) ? 12 : 0;
            double sys = clamp(systolicBase + bpDriftPerYear * years - treated + gauss(0, 7), 88, 215);
            double dia = clamp(diastolicBase + 0.35 * (sys - systolicBase) + gauss(0, 4.5), 48, 125);
            dia = Math.min(dia, sys - 22);
            boolean fib = atrialFibrillation.filter(d -> !d.isAfter(day)).isPresent();
            double hr = clamp(heartRateBase + (acute ? 8 : 0) + gauss(0, fib ? 12 : 5), 45, 140);
            double temp = acute && rng.nextInt(3) == 0 ? gauss(38.3, 0.4) : gauss(36.8, 0.22);
            double weight = Math.max(38, weightBaseKg + weightDriftPerYear * years + gauss(0, 0.6));
            double spo2 = Math.min(100, spo2Base + gauss(0, 1) - (acute && copd ? 2 : 0));

            record(Measure.SYSTOLIC_BP, Math.round(sys), Unit.MM_HG, at);
            record(Measure.DIASTOLIC_BP, Math.round(dia), Unit.MM_HG, at);
            record(Measure.HEART_RATE, Math.round(hr), Unit.PER_MIN, at);
            if (imperialVitals) {
                record(Measure.BODY_TEMPERATURE, round(clamp(temp, 35.6, 40) * 9 / 5 + 32, 1), Unit.FAHRENHEIT, at);
                record(Measure.BODY_WEIGHT, round(weight / 0.45359237, 1), Unit.LB, at);
            } else {
                record(Measure.BODY_TEMPERATURE, round(clamp(temp, 35.6, 40), 1), Unit.CELSIUS, at);
                record(Measure.BODY_WEIGHT, round(weight, 1), Unit.KG, at);
            }
            if (measureHeight) {
                double h = heightCm - (age > 70 ? 0.1 * (age - 70) : 0) + gauss(0, 0.4);
                if (imperialVitals) {
                    record(Measure.BODY_HEIGHT, round(h / 2.54, 1), Unit.INCH, at);
                } else {
                    record(Measure.BODY_HEIGHT, round(h, 1), Unit.CM, at);
                }
            }
            record(Measure.OXYGEN_SATURATION, Math.round(clamp(spo2, 86, 100)), Unit.PERCENT, at);
        }

        private void labs(LocalDate day, Instant drawn) {
            double years = ChronoUnit.DAYS.between(historyStart, day) / 365.25;
            boolean onStatin = taking("atorvastatin", day) || taking("simvastatin", day)
                    || taking("rosuvastatin", day);
            double chol = clamp(cholesterolBase * (onStatin ? 0.72 : 1) + gauss(0, 10), 100, 380);
            double hdl = clamp(hdlBase + gauss(0, 3.5), 22, 110);
            double creat = clamp(creatinineBase * (1 + years * (kidneyDisease ? 0.04 : 0.008)) + gauss(0, 0.05),
                    0.4, 4.5);
            boolean diabetic = diabetes.filter(d -> !d.isAfter(day)).isPresent();
            double a1c = diabetic
                    ? clamp(hba1cBase - (taking("metformin", day) ? 0.7 : 0) + gauss(0, 0.3), 5.8, 12)
                    : clamp(Math.min(hba1cBase, 6.0) + gauss(0, 0.15), 4.5, 6.2);
            // estimated average glucose (ADAG: mg/dL = 28.7 × HbA1c − 46.7), fasting a little lower
            double glucose = diabetic ? clamp(28.7 * a1c - 46.7 - 15 + gauss(0, 18), 80, 320)
                    : clamp(gauss(92, 8), 68, 125);
            Instant at = drawn.plusSeconds(60L * (5 + rng.nextInt(20)));
            if (siLabs) {
                record(Measure.TOTAL_CHOLESTEROL, round(chol / 38.67, 1), Unit.MMOL_PER_L, at);
                record(Measure.HDL_CHOLESTEROL, round(hdl / 38.67, 2), Unit.MMOL_PER_L, at);
                record(Measure.CREATININE, Math.round(creat * 88.42), Unit.UMOL_PER_L, at);
                record(Measure.GLUCOSE, round(glucose / 18.016, 1), Unit.MMOL_PER_L, at);
                record(Measure.HBA1C, Math.round((a1c - 2.152) / 0.09148), Unit.MMOL_PER_MOL, at);
            } else {
                record(Measure.TOTAL_CHOLESTEROL, Math.round(chol), Unit.MG_PER_DL, at);
                record(Measure.HDL_CHOLESTEROL, Math.round(hdl), Unit.MG_PER_DL, at);
                record(Measure.CREATININE, round(creat, 2), Unit.MG_PER_DL, at);
                record(Measure.GLUCOSE, Math.round(glucose), Unit.MG_PER_DL, at);
                record(Measure.HBA1C, round(a1c, 1), Unit.PERCENT, at);
            }
            if (kidneyDisease) {
                cystatinC(creat, at);
            }
        }

        /**
         * Cystatin C (mg/L, the only unit labs report it in) alongside the creatinine, as a kidney clinic orders it:
         * it rises with creatinine over its sex's reference (0.85 × Scr/κ, κ 0.7 mg/dL women, 0.9 men, so a
         * creatinine at κ gives about 0.85 mg/L, mid-reference), with its own scatter.
         */
        private void cystatinC(double creatinineMgPerDl, Instant at) {
            double kappa = patient.sex() == Sex.FEMALE ? 0.7 : 0.9;
            double cys = clamp(0.85 * creatinineMgPerDl / kappa + 0.08 * cystatinRng.nextGaussian(), 0.6, 6.0);
            observations.add(new Observation(uuid(cystatinRng), patient.id(), Measure.CYSTATIN_C,
                    new Quantity(round(cys, 2), Unit.MG_PER_L), at, clinician));
        }

        private void inr(Instant drawn) {
            // mostly in the 2–3 target range, with the excursions an anticoagulation clinic sees
            double inr = rng.nextInt(10) < 7 ? 2.0 + rng.nextDouble() : clamp(gauss(2.5, 0.9), 1.1, 5.5);
            record(Measure.INR, round(inr, 1), Unit.INR, drawn.plusSeconds(600));
        }

        private void record(Measure measure, double value, Unit unit, Instant at) {
            observations.add(new Observation(uuid(rng), patient.id(), measure, new Quantity(value, unit), at,
                    clinician));
        }

        // ------------------------------------------------------------ pharmacogenomics

        private void genotypes() {
            boolean tested = slot == 1 || slot == 2 || (!duplicate() && rng.nextInt(100) < 30);
            if (!tested) {
                return;
            }
            long span = Math.max(1, ChronoUnit.DAYS.between(historyStart, today) - 1);
            LocalDate resultDate = slot == 1
                    ? coronaryStent.orElse(historyStart).minusDays(1 + rng.nextInt(20))
                    : historyStart.plusDays(rng.nextLong(span));
            for (DemoGenotypes.Table table : DemoGenotypes.PANEL) {
                String diplotype = table.draw(rng);
                if (slot == 1 && table.gene().equals(DemoGenotypes.CYP2C19)) {
                    diplotype = DemoGenotypes.CYP2C19_POOR;
                }
                genotypes.add(new Genotype(uuid(rng), patient.id(), table.gene(), diplotype, GENOTYPE_SOURCE,
                        resultDate));
            }
        }

        // ------------------------------------------------------------ helpers

        private Instant at(LocalDate day) {
            LocalTime time = LocalTime.of(8, 30).plusMinutes(5L * rng.nextInt(100));
            return day.atTime(time).atZone(zone).toInstant();
        }

        private double gauss(double mean, double sd) {
            return mean + sd * rng.nextGaussian();
        }
    }

    @SafeVarargs
    private static LocalDate earliest(Optional<LocalDate>... days) {
        return java.util.Arrays.stream(days).flatMap(Optional::stream).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static <T> T pick(List<T> list, RandomGenerator rng) {
        return list.get(rng.nextInt(list.size()));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /** A version-4-shaped UUID from the patient's stream, so ids are reproducible too. */
    private static UUID uuid(RandomGenerator rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** An independent stream per patient number and purpose (0 demographics, 1 clinical record, 2 cystatin C
     * and allergies, 3 consent details). */
    private RandomGenerator stream(long number, int purpose) {
        long mixed = seed * GOLDEN + number * 0xBF58476D1CE4E5B9L + purpose * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }
}
