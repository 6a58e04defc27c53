package org.outpost.sync.deid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.outpost.app.decision.Decision;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Observation;
import org.outpost.app.domain.Patient;
import org.outpost.app.domain.PatientId;
import org.outpost.app.medicines.DrugClasses;
import org.outpost.app.medicines.DrugEntry;
import org.outpost.app.model.ClinicalModel;
import org.outpost.app.model.InputSpec;
import org.outpost.app.model.ModelInputs;
import org.outpost.app.model.ModelRegistry;
import org.outpost.app.pgx.CpicTables;
import org.outpost.app.pgx.GeneResult;

/**
 * Turns a chart and the clinicians' decisions on model results into a {@link DeidentifiedSummary}: the HIPAA Safe
 * Harbor method of 45 CFR 164.514(b)(2), as the HHS Office for Civil Rights explains it in its <i>Guidance
 * Regarding Methods for De-identification of Protected Health Information</i> (26 November 2012). Of the 18
 * identifiers of 164.514(b)(2)(i):
 * <ol type="A">
 *   <li>names — dropped (the summary has no place for one);</li>
 *   <li>geographic subdivisions smaller than a state — only the first three ZIP digits, {@code 000} for the areas of
 *       20,000 people or fewer in the {@link RestrictedZip3} table and when no ZIP code is found;</li>
 *   <li>dates — only years: birth year (or "90 or older" from the 90th birthday on the as-of day), years of
 *       observations, medication start and stop, decisions and genotype results; encounters, death and
 *       registration dates are not released;</li>
 *   <li>–(R) phone and fax numbers, e-mail, social security, medical record, health plan and account numbers,
 *       licences, vehicle and device identifiers, URLs, IP addresses, biometrics, photographs, and any other
 *       unique number or code — none is read: the patient's only identifier is the {@link Pseudonym}, an HMAC
 *       under the site secret kept as a re-identification code under 164.514(c).</li>
 * </ol>
 * Free text never leaves: medication names leave only as codes from the medicines table or RxNorm, genotypes only
 * as the CPIC tables spell them, model results only as model id, version and number; allergy text, encounter
 * reasons, dose instructions, decision reasons and lab-report wording are not read. What is withheld is counted in
 * {@link DeidentifiedSummary#withheld()}.
 *
 * <p>Whether a patient is shared at all (consent) and whether a batch passes the {@link KAnonymityGate} are the
 * caller's decisions; this class only de-identifies. Immutable and thread-safe.
 */
public final class Deidentifier {
    private final PseudonymKey secret;
    private final RestrictedZip3 zip3Table;
    private final DrugClasses medicines;
    private final CpicTables cpic;
    private final ModelRegistry models;
    private final ZoneId zone;

    /**
     * @param secret    the site's pseudonym key
     * @param zip3Table the restricted three-digit ZIP codes in force
     * @param medicines the medicines table that turns a medication name into a code
     * @param cpic      the CPIC tables that turn a lab's genotype into the canonical diplotype and phenotype
     * @param models    the models whose results may be released (a result of any other model is withheld)
     * @param zone      the clinic's time zone, which decides the year of an instant
     */
    public Deidentifier(PseudonymKey secret, RestrictedZip3 zip3Table, DrugClasses medicines, CpicTables cpic,
                        ModelRegistry models, ZoneId zone) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.zip3Table = Objects.requireNonNull(zip3Table, "zip3Table");
        this.medicines = Objects.requireNonNull(medicines, "medicines");
        this.cpic = Objects.requireNonNull(cpic, "cpic");
        this.models = Objects.requireNonNull(models, "models");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** A de-identifier with the tables shipped with Outpost. */
    public static Deidentifier withBundledTables(PseudonymKey secret, ModelRegistry models, ZoneId zone) {
        return new Deidentifier(secret, RestrictedZip3.bundled(), DrugClasses.bundled(), CpicTables.bundled(), models,
                zone);
    }

    /** The patient's pseudonym at this site. */
    public Pseudonym pseudonym(PatientId patient) {
        return Pseudonym.of(secret, patient);
    }

    /**
     * What the k-anonymity check groups a patient by, on {@code asOf}: cheap (no chart needed), for gating a batch
     * over every consented patient of the site.
     */
    public QuasiIdentifiers quasiIdentifiers(Patient patient, LocalDate asOf) {
        return new QuasiIdentifiers(BirthYear.of(patient.birthDate(), asOf).band(), patient.sex(),
                zip3Table.zip3OfAddress(patient.address()));
    }

    /**
     * The same from the store's row of a consented patient ({@code Repositories.patients().consentedQuasiIdentifiers()}),
     * which carries only what the gate needs: the sync run reads the whole site's population without loading charts.
     */
    public QuasiIdentifiers quasiIdentifiers(org.outpost.app.sharing.QuasiIdentifiers stored, LocalDate asOf) {
        return new QuasiIdentifiers(BirthYear.of(stored.birthDate(), asOf).band(), stored.sex(),
                zip3Table.zip3OfAddress(stored.address()));
    }

    /**
     * The k-anonymity population: every patient's pseudonym and quasi-identifiers on {@code asOf}, in the given
     * order — pass every consented patient of the site to {@link KAnonymityGate#assess(Map)}.
     */
    public Map<Pseudonym, QuasiIdentifiers> population(Collection<Patient> patients, LocalDate asOf) {
        Objects.requireNonNull(patients, "patients");
        Map<Pseudonym, QuasiIdentifiers> population = new LinkedHashMap<>();
        for (Patient p : patients) {
            population.put(pseudonym(p.id()), quasiIdentifiers(p, asOf));
        }
        return population;
    }

    /**
     * The de-identified summary of one patient.
     *
     * @param chart            the patient's chart
     * @param decisions        clinicians' decisions on model results for this patient (e.g. the newest per model)
     * @param genotypesAllowed true only when both the site and the patient's consent allow genotypes to leave;
     *                         false also withholds model results computed from a genotype
     * @param asOf             the day ages are computed on (the 90-or-older rule) and medication status is read
     * @throws IllegalArgumentException when an observation, medication, genotype or decision is about another patient
     */
    public DeidentifiedSummary summarise(Chart chart, List<Decision> decisions, boolean genotypesAllowed,
                                         LocalDate asOf) {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(asOf, "asOf");
        Patient patient = chart.patient();
        PatientId id = patient.id();
        Tally withheld = new Tally();

        List<DeidObservation> observations = new ArrayList<>();
        for (Observation o : chart.observations()) {
            requireSame(id, o.patient());
            observations.add(new DeidObservation(key("observation", o.id().toString()), o.measure(),
                    BigDecimal.valueOf(o.value().value()), o.value().unit(), year(o.effective())));
        }
        observations.sort(Comparator.comparing(DeidObservation::loinc).thenComparing(DeidObservation::year)
                .thenComparing(DeidObservation::key));

        List<DeidMedication> medications = new ArrayList<>();
        for (Medication m : chart.medications()) {
            requireSame(id, m.patient());
            medications.addAll(medication(m, asOf, withheld));
        }
        medications.sort(Comparator.comparing((DeidMedication m) -> m.medicine().map(MedicineCode::generic).orElse("~"))
                .thenComparing(m -> m.rxnorm().map(RxNormCode::rxcui).orElse("")).thenComparing(DeidMedication::key));

        List<DeidRiskResult> risks = new ArrayList<>();
        for (Decision d : decisions) {
            requireSame(id, d.patient());
            risk(d, genotypesAllowed, withheld).ifPresent(risks::add);
        }
        risks.sort(Comparator.comparing((DeidRiskResult r) -> r.model().id()).thenComparing(DeidRiskResult::key));

        List<DeidGenotype> genotypes = new ArrayList<>();
        for (Genotype g : chart.genotypes()) {
            requireSame(id, g.patient());
            if (!genotypesAllowed) {
                withheld.add(Withheld.Kind.GENOTYPE, Withheld.Reason.GENOTYPES_NOT_ALLOWED);
                continue;
            }
            Optional<GeneResult> result = cpic.gene(g.gene()).map(t -> t.interpret(g.diplotype()))
                    .filter(GeneResult::determinate);
            if (result.isEmpty()) {
                withheld.add(Withheld.Kind.GENOTYPE, Withheld.Reason.NOT_INTERPRETABLE);
                continue;
            }
            genotypes.add(new DeidGenotype(key("genotype", g.id().toString()), PgxResult.of(result.get()),
                    Year.of(g.resultDate().getYear())));
        }
        genotypes.sort(Comparator.comparing((DeidGenotype g) -> g.result().gene()).thenComparing(DeidGenotype::key));

        return new DeidentifiedSummary(pseudonym(id), BirthYear.of(patient.birthDate(), asOf), patient.sex(),
                zip3Table.zip3OfAddress(patient.address()), observations, medications, risks, genotypes,
                withheld.list());
    }

    private List<DeidMedication> medication(Medication m, LocalDate asOf, Tally withheld) {
        Optional<RxNormCode> rxnorm = m.rxnorm().filter(RxNormCode::isValid).map(s -> new RxNormCode(s.strip()));
        List<DrugEntry> named = medicines.findAll(m.name());
        MedicationStatus status = m.activeOn(asOf) ? MedicationStatus.ACTIVE
                : m.start().isAfter(asOf) ? MedicationStatus.INTENDED : MedicationStatus.COMPLETED;
        Year start = Year.of(m.start().getYear());
        Optional<Year> stop = m.stop().map(s -> Year.of(s.getYear()));
        if (named.isEmpty() && rxnorm.isEmpty()) {
            withheld.add(Withheld.Kind.MEDICATION, Withheld.Reason.NOT_CODED);
            return List.of();
        }
        if (named.size() <= 1) {
            return List.of(new DeidMedication(key("medication", m.id().toString()),
                    named.stream().findFirst().map(MedicineCode::of), rxnorm, status, start, stop));
        }
        // A combination ("aspirin/clopidogrel"): one statement per ingredient; the product's RxNorm code names
        // neither ingredient alone, so it stays with none of them.
        return named.stream().map(e -> new DeidMedication(key("medication", m.id() + "|" + e.generic()),
                Optional.of(MedicineCode.of(e)), Optional.empty(), status, start, stop)).toList();
    }

    private Optional<DeidRiskResult> risk(Decision d, boolean genotypesAllowed, Tally withheld) {
        Optional<ClinicalModel> model = models.find(d.modelId());
        if (model.isEmpty()) {
            withheld.add(Withheld.Kind.RISK_RESULT, Withheld.Reason.UNKNOWN_MODEL);
            return Optional.empty();
        }
        if (d.value().isEmpty()) {
            withheld.add(Withheld.Kind.RISK_RESULT, Withheld.Reason.NO_VALUE);
            return Optional.empty();
        }
        if (!genotypesAllowed && derivedFromGenotype(model.get(), d)) {
            withheld.add(Withheld.Kind.RISK_RESULT, Withheld.Reason.DERIVED_FROM_GENOTYPE);
            return Optional.empty();
        }
        ModelCode code;
        try {
            code = ModelCode.of(model.get().ref(), d.modelVersion());
        } catch (IllegalArgumentException e) {
            withheld.add(Withheld.Kind.RISK_RESULT, Withheld.Reason.UNKNOWN_MODEL);
            return Optional.empty();
        }
        return Optional.of(new DeidRiskResult(key("risk", d.id().toString()), code,
                BigDecimal.valueOf(d.value().getAsDouble()), year(d.decidedAt())));
    }

    /**
     * Whether the decision's result was computed from a genotype: the model reads a lab's text (every text input of
     * Outpost's models is a gene's diplotype, see {@link InputSpec.Kind#TEXT}) and the stored inputs gave one. Inputs
     * that cannot be read back count as derived.
     */
    private static boolean derivedFromGenotype(ClinicalModel model, Decision d) {
        List<String> genes = model.inputs().stream().filter(s -> s.kind() == InputSpec.Kind.TEXT)
                .map(InputSpec::name).toList();
        if (genes.isEmpty()) {
            return false;
        }
        ModelInputs inputs;
        try {
            inputs = d.inputValues();
        } catch (IllegalArgumentException e) {
            return true;
        }
        return genes.stream().anyMatch(inputs::has);
    }

    private ResourceKey key(String kind, String rowId) {
        return ResourceKey.of(secret, kind, rowId);
    }

    private Year year(Instant instant) {
        return Year.from(instant.atZone(zone));
    }

    private static void requireSame(PatientId chart, PatientId entry) {
        if (!chart.equals(entry)) {
            throw new IllegalArgumentException("The chart holds an entry about another patient");
        }
    }

    /** Counts withheld entries by kind and reason, in a fixed order. */
    private static final class Tally {
        private final Map<Withheld.Kind, Map<Withheld.Reason, Integer>> counts = new EnumMap<>(Withheld.Kind.class);

        void add(Withheld.Kind kind, Withheld.Reason reason) {
            counts.computeIfAbsent(kind, k -> new EnumMap<>(Withheld.Reason.class)).merge(reason, 1, Integer::sum);
        }

        List<Withheld> list() {
            List<Withheld> list = new ArrayList<>();
            counts.forEach((kind, byReason) -> byReason.forEach((reason, n) -> list.add(new Withheld(kind, reason, n))));
            return list;
        }
    }
}
