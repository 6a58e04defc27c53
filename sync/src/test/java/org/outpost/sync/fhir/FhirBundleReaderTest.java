package org.outpost.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.Measure;
import org.outpost.app.domain.Sex;

/** A FHIR file into the app's chart, and clear refusals that never quote the file. */
class FhirBundleReaderTest {
    private final FhirBundleReader reader = new FhirBundleReader(ZoneOffset.UTC);

    private static String json(org.hl7.fhir.r4.model.Resource r) {
        return FhirR4.context().newJsonParser().encodeResourceToString(r);
    }

    private static Patient patient(String family) {
        Patient p = new Patient();
        p.setId("p1");
        p.addName().setFamily(family).addGiven("Adaeze");
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1952-03-14"));
        p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.FEMALE);
        p.addAddress().addLine("12 Main St").setCity("Springfield").setState("MA").setPostalCode("01103");
        return p;
    }

    @Test
    void aSyntheaBundleBecomesAChartWithTheMeasuresOutpostKnows() throws Exception {
        Chart chart = reader.read(SyntheaFiles.named("Eddie_Lakin"));
        assertThat(chart.patient().familyName()).isEqualTo("Lakin");
        assertThat(chart.patient().birthDate()).isEqualTo(LocalDate.of(1910, 9, 19));
        assertThat(chart.patient().sex()).isEqualTo(Sex.MALE);
        assertThat(chart.patient().address()).isEqualTo("1081 Harber Crossroad, Reading, Massachusetts 01801");
        assertThat(chart.series(Measure.SYSTOLIC_BP)).isNotEmpty(); // components of the blood pressure panel
        assertThat(chart.series(Measure.DIASTOLIC_BP)).hasSameSizeAs(chart.series(Measure.SYSTOLIC_BP));
        assertThat(chart.series(Measure.BODY_WEIGHT)).hasSize(11);
        assertThat(chart.medications()).hasSize(7)
                .anySatisfy(m -> assertThat(m.rxnorm()).isPresent().get().isEqualTo("855332"));
    }

    @Test
    void aSinglePatientIsReadToo() throws Exception {
        Chart chart = reader.read("p.json", json(patient("Okafor")));
        assertThat(chart.patient().address()).isEqualTo("12 Main St, Springfield, MA 01103");
        assertThat(chart.observations()).isEmpty();
    }

    @Test
    void malformedJsonIsRefusedWithoutQuotingTheFile() {
        String broken = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Secretname\"";
        assertThatThrownBy(() -> reader.read("broken.json", broken)).isInstanceOf(FhirReadException.class)
                .hasMessageStartingWith("broken.json: not a FHIR R4 JSON resource")
                .hasMessageNotContaining("Secretname");
        assertThatThrownBy(() -> reader.read("x.json", "hello Secretname")).isInstanceOf(FhirReadException.class)
                .hasMessageNotContaining("Secretname");
        assertThatThrownBy(() -> reader.read("x.json", "  ")).hasMessage("x.json: the file is empty");
        assertThatThrownBy(() -> reader.read("x.xml", "<Patient><name value=\"Secretname\"")).isInstanceOf(FhirReadException.class)
                .hasMessageStartingWith("x.xml: not a FHIR R4 XML resource").hasMessageNotContaining("Secretname");
    }

    @Test
    void anythingButOnePatientWithABirthDateIsRefused() {
        assertThatThrownBy(() -> reader.read("o.json", json(new org.hl7.fhir.r4.model.Observation())))
                .hasMessage("o.json: expected a FHIR Bundle or Patient, not Observation");
        Bundle two = new Bundle().setType(Bundle.BundleType.COLLECTION);
        two.addEntry().setResource(patient("One"));
        two.addEntry().setResource(patient("Two").setId("p2"));
        assertThatThrownBy(() -> reader.read("two.json", json(two)))
                .hasMessage("two.json: the Bundle holds 2 Patient resources; give one patient per file");
        Patient noBirth = patient("Secretname");
        noBirth.setBirthDate(null);
        assertThatThrownBy(() -> reader.read("nb.json", json(noBirth))).hasMessageContaining("no valid birthDate")
                .hasMessageNotContaining("Secretname");
    }
}
