package org.outpost.sync.testserver;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.RiskAssessment;

/**
 * De-identified summary bundles shaped as the de-identification builder promises them (transaction, every
 * entry {@code PUT Type/id} with a stable id; Patient id = 64-hex pseudonym, identifier system
 * {@code urn:outpost:pseudonym}; everything else references {@code Patient/<pseudonym>}), built with HAPI
 * model classes until {@code FhirSummaryBuilder} lands. Synthetic values only.
 */
public final class TestSummaries {
    public static final String PSEUDONYM_SYSTEM = "urn:outpost:pseudonym";
    private static final String LOINC = "http://loinc.org";
    private static final String[][] LABS = {
        {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL"},
        {"4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%"},
        {"8480-6", "Systolic blood pressure", "mm[Hg]"},
    };

    private TestSummaries() {
    }

    /** A stable 64-hex pseudonym for test patient {@code n} of a scenario. */
    public static String pseudonym(String scenario, int n) {
        return sha256(scenario + "|patient|" + n);
    }

    /**
     * Revision 1 has two labs, revision 2 and later three; lab values and the risk change with every revision,
     * the Patient and the medication do not.
     */
    public static Bundle summary(String pseudonym, int revision) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = new Patient();
        patient.setId(pseudonym);
        patient.addIdentifier().setSystem(PSEUDONYM_SYSTEM).setValue(pseudonym);
        patient.setGender(pseudonym.charAt(0) < '8' ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
        put(b, patient);
        Reference subject = new Reference("Patient/" + pseudonym);
        int labs = revision == 1 ? 2 : 3;
        for (int i = 0; i < labs; i++) {
            Observation o = new Observation();
            o.setId(sha256(pseudonym + "|Observation|" + LABS[i][0]));
            o.setStatus(Observation.ObservationStatus.FINAL);
            o.setCode(new CodeableConcept(new Coding(LOINC, LABS[i][0], LABS[i][1])));
            o.setSubject(subject);
            o.setValue(new Quantity().setValue(new BigDecimal(String.format("%d.%d", 1 + i * 5, revision)))
                    .setUnit(LABS[i][2]).setSystem("http://unitsofmeasure.org").setCode(LABS[i][2]));
            put(b, o);
        }
        MedicationStatement m = new MedicationStatement();
        m.setId(sha256(pseudonym + "|MedicationStatement|metformin"));
        m.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
        m.setMedication(new CodeableConcept(new Coding("http://www.nlm.nih.gov/research/umls/rxnorm", "6809",
                "metformin")));
        m.setSubject(subject);
        put(b, m);
        RiskAssessment r = new RiskAssessment();
        r.setId(sha256(pseudonym + "|RiskAssessment|ckd-progression"));
        r.setStatus(RiskAssessment.RiskAssessmentStatus.FINAL);
        r.setSubject(subject);
        r.addPrediction().setProbability(new org.hl7.fhir.r4.model.DecimalType(
                new BigDecimal("0." + (10 + revision))));
        put(b, r);
        return b;
    }

    /** A summary the server must refuse: its Observation points at a Patient that is neither sent nor stored. */
    public static Bundle orphanObservation(String pseudonym) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Observation o = new Observation();
        o.setId(sha256(pseudonym + "|Observation|orphan"));
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(LOINC, LABS[0][0], LABS[0][1])));
        o.setSubject(new Reference("Patient/" + pseudonym));
        put(b, o);
        return b;
    }

    static void put(Bundle b, Resource r) {
        b.addEntry().setFullUrl(r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl(r.fhirType() + "/" + r.getIdElement().getIdPart());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
