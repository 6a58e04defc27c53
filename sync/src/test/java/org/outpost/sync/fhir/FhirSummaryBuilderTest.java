package org.outpost.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.decision.Decision;
import org.outpost.app.decision.DecisionKind;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Consent;
import org.outpost.app.domain.SharingConsent;
import org.outpost.app.domain.Genotype;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Medication;
import org.outpost.app.domain.Mrn;
import org.outpost.app.domain.PatientId;
import org.outpost.app.domain.Sex;
import org.outpost.app.domain.Unit;
import org.outpost.app.model.ModelRegistry;
import org.outpost.sync.deid.DeidentifiedSummary;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.PseudonymKey;

/** The transaction Bundle a summary travels in: HAPI resources, stable ids, PUT entries, years and codes only. */
class FhirSummaryBuilderTest {
    private static final byte[] KEY = new byte[32];
    static {
        Arrays.fill(KEY, (byte) 42);
    }
    private static final Deidentifier DEID = Deidentifier.withBundledTables(PseudonymKey.of(KEY),
            new ModelRegistry(BundledModels.all()), ZoneOffset.UTC);
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);

    private final FhirSummaryBuilder builder = new FhirSummaryBuilder();
    private final PatientId id = PatientId.parse("0b0e4b8a-5d0c-4f1e-9a53-7a2f3c9d1e01");

    private Chart chart(LocalDate born) {
        var patient = new org.outpost.app.domain.Patient(id, new Mrn("MRN-4471"), "Okafor", "Adaeze", Sex.FEMALE,
                born, "12 Main St, Springfield, MA 01103", "413-555-0142", SharingConsent.legacy(Consent.GIVEN), null);
        return new Chart(patient,
                List.of(new org.outpost.app.domain.Observation(UUID.fromString("6a1f0c52-08c4-4b0e-8f55-2f0b7e0b3a11"),
                        id, Measure.SYSTOLIC_BP, org.outpost.app.domain.Quantity.of(142, Unit.MM_HG),
                        Instant.parse("2024-11-05T10:15:00Z"), "nurse.kim")),
                List.of(new Medication(UUID.fromString("4c2b8e0e-7f0c-4a55-9d3e-1b2a3c4d5e6f"), id,
                        "Clopidogrel 75 mg tablet", Optional.of("309362"), "75 mg", "oral", "daily",
                        LocalDate.of(2023, 2, 1), Optional.empty())),
                List.of(new Genotype(UUID.fromString("9e8d7c6b-5a49-4838-a726-15f4e3d2c1b0"), id, "CYP2C19", "*1/*2",
                        "Lab X", LocalDate.of(2023, 1, 20))),
                List.of());
    }

    private DeidentifiedSummary summary(LocalDate born) {
        Decision pce = new Decision(UUID.fromString("1d2c3b4a-5968-4776-8594-a3b2c1d0e9f8"), id, "pce-2013", "1.0.0",
                "age=72", OptionalDouble.of(18.25), Optional.of("high"), DecisionKind.ACCEPTED_INTO_PLAN, "",
                "dr.lee", Instant.parse("2025-05-03T14:00:00Z"));
        return DEID.summarise(chart(born), List.of(pce), true, AS_OF);
    }

    @Test
    void everyEntryIsAPutOfAResourceWithAStableId() {
        DeidentifiedSummary s = summary(LocalDate.of(1952, 3, 14));
        Bundle bundle = builder.build(s);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(bundle.getEntry()).hasSize(5).allSatisfy(e -> {
            assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
            assertThat(e.getRequest().getUrl()).isEqualTo(e.getResource().fhirType() + "/"
                    + e.getResource().getIdElement().getIdPart());
            assertThat(e.getResource().getIdElement().getIdPart()).matches("[0-9a-f]{64}");
        });
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                .containsExactly("Patient", "Observation", "MedicationStatement", "RiskAssessment", "Observation");
        assertThat(bundle.getEntryFirstRep().getRequest().getUrl()).isEqualTo("Patient/" + s.pseudonym().hex());
    }

    @Test
    void buildingTwiceGivesByteIdenticalJson() {
        assertThat(builder.json(summary(LocalDate.of(1952, 3, 14))))
                .isEqualTo(builder.json(summary(LocalDate.of(1952, 3, 14))));
    }

    @Test
    void thePatientHasOnlyPseudonymBirthYearGenderAndZip3() {
        DeidentifiedSummary s = summary(LocalDate.of(1952, 3, 14));
        Patient p = (Patient) builder.build(s).getEntryFirstRep().getResource();
        assertThat(p.getIdentifier()).singleElement().satisfies(i -> {
            assertThat(i.getSystem()).isEqualTo("urn:outpost:pseudonym");
            assertThat(i.getValue()).isEqualTo(s.pseudonym().hex());
        });
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1952");
        assertThat(p.getGender().toCode()).isEqualTo("female");
        assertThat(p.getAddress()).singleElement().satisfies(a -> {
            assertThat(a.getPostalCode()).isEqualTo("011");
            assertThat(a.getLine()).isEmpty();
            assertThat(a.getCity()).isNull();
        });
        assertThat(p.getName()).isEmpty();
        assertThat(p.getTelecom()).isEmpty();
        assertThat(p.hasText()).isFalse();
    }

    @Test
    void ninetyOrOlderHasNoBirthDateButTheAgeCategory() {
        Patient p = (Patient) builder.build(summary(LocalDate.of(1935, 6, 16))).getEntryFirstRep().getResource();
        assertThat(p.hasBirthDate()).isFalse();
        assertThat(p.getExtensionByUrl(FhirSummaryBuilder.NINETY_OR_OLDER_EXTENSION).getValue().primitiveValue())
                .isEqualTo("true");
    }

    @Test
    void observationsAreLoincCodedInUcumWithAYearOnly() {
        Observation o = (Observation) builder.build(summary(LocalDate.of(1952, 3, 14))).getEntry().get(1).getResource();
        assertThat(o.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(o.getCode().getCodingFirstRep().getCode()).isEqualTo("8480-6");
        assertThat(o.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        Quantity q = o.getValueQuantity();
        assertThat(q.getValue()).isEqualByComparingTo("142");
        assertThat(q.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(q.getCode()).isEqualTo("mm[Hg]");
        assertThat(o.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024");
        assertThat(o.getSubject().getReference()).startsWith("Patient/");
    }

    @Test
    void medicationsAreCodedWithoutText() {
        MedicationStatement m = (MedicationStatement) builder.build(summary(LocalDate.of(1952, 3, 14)))
                .getEntry().get(2).getResource();
        CodeableConcept code = m.getMedicationCodeableConcept();
        assertThat(code.hasText()).isFalse();
        assertThat(code.getCoding()).extracting(c -> c.getSystem() + "|" + c.getCode()).containsExactly(
                "http://www.nlm.nih.gov/research/umls/rxnorm|309362", "http://www.whocc.no/atc|B01AC04",
                "urn:outpost:medicine|clopidogrel");
        assertThat(m.getStatus()).isEqualTo(MedicationStatement.MedicationStatementStatus.ACTIVE);
        assertThat(m.getEffectivePeriod().getStartElement().getValueAsString()).isEqualTo("2023");
        assertThat(m.getDosage()).isEmpty();
    }

    @Test
    void riskAssessmentsNameModelAndVersionAndCarryTheValue() {
        RiskAssessment r = (RiskAssessment) builder.build(summary(LocalDate.of(1952, 3, 14))).getEntry().get(3)
                .getResource();
        assertThat(r.getMethod().getCodingFirstRep().getSystem()).isEqualTo("urn:outpost:model");
        assertThat(r.getMethod().getCodingFirstRep().getCode()).isEqualTo("pce-2013");
        assertThat(r.getMethod().getCodingFirstRep().getVersion()).isEqualTo("1.0.0");
        assertThat(r.getOccurrenceDateTimeType().getValueAsString()).isEqualTo("2025");
        assertThat(r.getPredictionFirstRep().getExtensionByUrl(FhirSummaryBuilder.MODEL_RESULT_EXTENSION).getValue()
                .primitiveValue()).isEqualTo("18.25");
        assertThat(r.hasNote()).isFalse();
    }

    @Test
    void genotypesAreCodedAsCpicSpellsThem() {
        Observation g = (Observation) builder.build(summary(LocalDate.of(1952, 3, 14))).getEntry().get(4).getResource();
        assertThat(g.getCode().getCodingFirstRep().getCode()).isEqualTo("84413-4");
        assertThat(g.getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("CYP2C19 *1/*2");
        assertThat(g.getComponent()).extracting(c -> c.getValueCodeableConcept().getCodingFirstRep().getCode())
                .containsExactly("CYP2C19", "CYP2C19 intermediate metabolizer");
        assertThat(g.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2023");
    }

    @Test
    void theJsonIsFhirThatHapiReadsBackAndHasNoTextAnywhere() {
        String json = builder.json(summary(LocalDate.of(1952, 3, 14)));
        Bundle back = FhirR4.context().newJsonParser().parseResource(Bundle.class, json);
        assertThat(back.getEntry()).hasSize(5);
        assertThat(json).doesNotContain("\"text\"", "\"div\"", "\"note\"", "Okafor", "Adaeze", "MRN-4471",
                "Main St", "Springfield", "01103", "413-555-0142", "1952-03-14", "2024-11-05", id.toString(),
                "6a1f0c52-08c4-4b0e-8f55-2f0b7e0b3a11");
        assertThat(json).doesNotContainPattern("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    }
}
