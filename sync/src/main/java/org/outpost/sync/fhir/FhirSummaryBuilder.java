package org.outpost.sync.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Year;
import java.util.Objects;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.BooleanType;
import org.outpost.app.domain.Measure;
import org.outpost.sync.deid.BirthYear;
import org.outpost.sync.deid.DeidGenotype;
import org.outpost.sync.deid.DeidMedication;
import org.outpost.sync.deid.DeidObservation;
import org.outpost.sync.deid.DeidRiskResult;
import org.outpost.sync.deid.DeidentifiedSummary;
import org.outpost.sync.deid.MedicineCode;
import org.outpost.sync.deid.PgxResult;
import org.outpost.sync.deid.ResourceKey;

/**
 * Builds the FHIR R4 transaction Bundle that carries one {@link DeidentifiedSummary} to the server, with HAPI FHIR's
 * model classes (no hand-written JSON). Every entry is a {@code PUT Type/id} with a stable logical id — the Patient's
 * is the pseudonym, every other resource's its {@link ResourceKey} — so sending the same summary again overwrites
 * instead of duplicating, and the server can apply the bundle as one transaction.
 *
 * <ul>
 *   <li><b>Patient</b>: id and identifier = pseudonym (system {@value #PSEUDONYM_SYSTEM}), administrative gender,
 *       birthDate as a year only ({@code "1952"}) or, from 90, no birthDate and the extension
 *       {@value #NINETY_OR_OLDER_EXTENSION}, address = postalCode of three digits only.</li>
 *   <li><b>Observation</b>: LOINC code ({@value #LOINC}), category vital-signs or laboratory, valueQuantity in UCUM
 *       ({@value #UCUM}), effectiveDateTime a year ({@code "2024"}, a valid FHIR dateTime).</li>
 *   <li><b>MedicationStatement</b>: medicationCodeableConcept with codings only — RxNorm, WHO ATC and the medicines
 *       table's generic name ({@value #MEDICINE_SYSTEM}) — never a text; status; effectivePeriod in years.</li>
 *   <li><b>RiskAssessment</b>: method = model id (system {@value #MODEL_SYSTEM}) with the model version as the
 *       coding's version; occurrence a year; the result in the prediction's extension
 *       {@value #MODEL_RESULT_EXTENSION} (a valueDecimal in the model's own unit, which is a points score, a
 *       percentage or a dose, so it is not a probability).</li>
 *   <li><b>Observation</b> (pharmacogenomic): code LOINC 84413-4 "Genotype display name", value the diplotype,
 *       components gene studied (48018-6) and the phenotype (53040-2), all as codings.</li>
 * </ul>
 * No resource has a narrative, a note or a CodeableConcept text. The pseudonym identifier system is not site-specific
 * on purpose: pseudonyms are 256-bit HMACs under per-site secrets and cannot collide between sites, the server
 * knows which site sent a bundle from its connection, and a site name in every record would be one more
 * quasi-identifier. Immutable and thread-safe.
 */
public final class FhirSummaryBuilder {
    public static final String PSEUDONYM_SYSTEM = "urn:outpost:pseudonym";
    public static final String NINETY_OR_OLDER_EXTENSION = "urn:outpost:fhir:extension:age-90-or-older";
    public static final String MODEL_SYSTEM = "urn:outpost:model";
    public static final String MODEL_RESULT_EXTENSION = "urn:outpost:fhir:extension:model-result";
    public static final String MEDICINE_SYSTEM = "urn:outpost:medicine";
    public static final String GENE_SYSTEM = "urn:outpost:gene";
    public static final String DIPLOTYPE_SYSTEM = "urn:outpost:pgx:diplotype";
    public static final String PHENOTYPE_SYSTEM = "urn:outpost:pgx:phenotype";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String ATC = "http://www.whocc.no/atc";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final FhirContext context;

    /** A builder on the process's shared R4 context. */
    public FhirSummaryBuilder() {
        this(FhirR4.context());
    }

    public FhirSummaryBuilder(FhirContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The transaction Bundle for {@code summary}: the same summary always gives the same Bundle. */
    public Bundle build(DeidentifiedSummary summary) {
        Objects.requireNonNull(summary, "summary");
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        Reference subject = new Reference("Patient/" + summary.pseudonym().hex());
        put(bundle, patient(summary));
        summary.observations().forEach(o -> put(bundle, observation(o, subject)));
        summary.medications().forEach(m -> put(bundle, medication(m, subject)));
        summary.risks().forEach(r -> put(bundle, risk(r, subject)));
        summary.genotypes().forEach(g -> put(bundle, genotype(g, subject)));
        return bundle;
    }

    /** The Bundle as pretty-printed FHIR JSON, for people to read (the same content as {@link #wireJson}). */
    public String toJson(Bundle bundle) {
        return context.newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    /**
     * The Bundle as compact FHIR JSON: the exact request body the transport sends, and what the outbox keeps as
     * "what was sent". Encoded once per summary; the transport does not encode it again.
     */
    public String wireJson(Bundle bundle) {
        return context.newJsonParser().setPrettyPrint(false).encodeResourceToString(bundle);
    }

    /** {@code toJson(build(summary))}: what goes over the wire for {@code summary}, indented. */
    public String json(DeidentifiedSummary summary) {
        return toJson(build(summary));
    }

    private static void put(Bundle bundle, Resource resource) {
        String type = resource.fhirType();
        String id = resource.getIdElement().getIdPart();
        bundle.addEntry().setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl(type + "/" + id);
    }

    private static Patient patient(DeidentifiedSummary s) {
        Patient p = new Patient();
        p.setId(s.pseudonym().hex());
        p.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(s.pseudonym().hex());
        p.setGender(AdministrativeGender.fromCode(s.gender().code()));
        switch (s.birthYear()) {
            case BirthYear.Known known -> p.setBirthDateElement(new DateType(fourDigits(known.year())));
            case BirthYear.NinetyOrOlder ignored -> p.addExtension(NINETY_OR_OLDER_EXTENSION, new BooleanType(true));
        }
        p.addAddress().setPostalCode(s.zip3().digits());
        return p;
    }

    private static Observation observation(DeidObservation o, Reference subject) {
        Observation obs = new Observation();
        obs.setId(o.key().hex());
        obs.setStatus(Observation.ObservationStatus.FINAL);
        String category = o.measure().category() == Measure.Category.VITAL ? "vital-signs" : "laboratory";
        obs.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, category, null)));
        obs.setCode(new CodeableConcept(new Coding(LOINC, o.loinc(), null)));
        obs.setSubject(subject);
        obs.setEffective(year(o.year()));
        obs.setValue(new Quantity().setValue(o.value()).setUnit(o.unit().ucum()).setSystem(UCUM)
                .setCode(o.unit().ucum()));
        return obs;
    }

    private static MedicationStatement medication(DeidMedication m, Reference subject) {
        MedicationStatement ms = new MedicationStatement();
        ms.setId(m.key().hex());
        ms.setStatus(MedicationStatement.MedicationStatementStatus.fromCode(m.status().code()));
        CodeableConcept code = new CodeableConcept();
        m.rxnorm().ifPresent(rx -> code.addCoding(new Coding(RXNORM, rx.rxcui(), null)));
        m.medicine().map(MedicineCode::atc).orElse(java.util.List.of())
                .forEach(atc -> code.addCoding(new Coding(ATC, atc, null)));
        m.medicine().ifPresent(med -> code.addCoding(new Coding(MEDICINE_SYSTEM, med.generic(), med.generic())));
        ms.setMedication(code);
        ms.setSubject(subject);
        Period period = new Period().setStartElement(year(m.startYear()));
        m.stopYear().ifPresent(y -> period.setEndElement(year(y)));
        ms.setEffective(period);
        return ms;
    }

    private static RiskAssessment risk(DeidRiskResult r, Reference subject) {
        RiskAssessment ra = new RiskAssessment();
        ra.setId(r.key().hex());
        ra.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        ra.setMethod(new CodeableConcept(new Coding(MODEL_SYSTEM, r.model().id(), null)
                .setVersion(r.model().version())));
        ra.setSubject(subject);
        ra.setOccurrence(year(r.year()));
        ra.addPrediction().addExtension(MODEL_RESULT_EXTENSION, new DecimalType(r.value()));
        return ra;
    }

    private static Observation genotype(DeidGenotype g, Reference subject) {
        PgxResult result = g.result();
        Observation obs = new Observation();
        obs.setId(g.key().hex());
        obs.setStatus(Observation.ObservationStatus.FINAL);
        obs.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "laboratory", null)));
        obs.setCode(new CodeableConcept(new Coding(LOINC, "84413-4", "Genotype display name")));
        obs.setSubject(subject);
        obs.setEffective(year(g.year()));
        result.diplotype().ifPresent(d -> obs.setValue(new CodeableConcept(
                new Coding(DIPLOTYPE_SYSTEM, result.gene() + " " + d, null))));
        obs.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "48018-6", "Gene studied [ID]")))
                .setValue(new CodeableConcept(new Coding(GENE_SYSTEM, result.gene(), null)));
        obs.addComponent().setCode(new CodeableConcept(new Coding(LOINC, "53040-2",
                        "Genetic variation's effect on drug metabolism")))
                .setValue(new CodeableConcept(new Coding(PHENOTYPE_SYSTEM, result.phenotype(), null)));
        return obs;
    }

    /** A FHIR dateTime of year precision: {@code "2024"}. */
    private static DateTimeType year(Year year) {
        return new DateTimeType(fourDigits(year));
    }

    private static String fourDigits(Year year) {
        return String.format(java.util.Locale.ROOT, "%04d", year.getValue());
    }
}
