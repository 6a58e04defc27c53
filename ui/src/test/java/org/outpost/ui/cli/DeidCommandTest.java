package org.outpost.ui.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.outpost.ui.cli.CliHarness.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.sync.fhir.FhirR4;
import org.outpost.sync.fhir.FhirSummaryBuilder;
import org.outpost.ui.console.ExitCode;

/**
 * {@code admin deid --fhir FILE [--as-of DAY]}: a real Synthea file in, the Safe Harbor transaction Bundle sync would
 * send out (45 CFR 164.514(b)(2)); no database, no password.
 */
class DeidCommandTest {
    @TempDir
    Path dir;

    private static Path synthea(String prefix) throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("data").resolve("synthea");
            if (Files.isDirectory(candidate)) {
                try (Stream<Path> files = Files.list(candidate)) {
                    return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
                }
            }
        }
        throw new IllegalStateException("shared/data/synthea not found");
    }

    private static Bundle bundle(String json) {
        return FhirR4.context().newJsonParser().parseResource(Bundle.class, json);
    }

    private static Patient patient(Bundle b) {
        return (Patient) b.getEntryFirstRep().getResource();
    }

    @Test
    void printsTheDeidentifiedTransactionBundleOfASyntheaPatient() throws IOException {
        var r = run("", "deid", "--fhir", synthea("Eddie_Lakin").toString(), "--as-of", "2025-06-16");
        assertThat(r.exitCode()).isZero();
        Bundle sent = bundle(r.out());
        assertThat(sent.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(sent.getEntry()).allSatisfy(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT));
        Patient p = patient(sent);
        assertThat(p.hasBirthDate()).isFalse(); // born 1910: 90 or older
        assertThat(p.hasExtension(FhirSummaryBuilder.NINETY_OR_OLDER_EXTENSION)).isTrue();
        assertThat(p.getAddressFirstRep().getPostalCode()).isEqualTo("018");
        assertThat(r.out()).doesNotContain("Lakin", "Eddie", "Harber", "Reading", "01801", "555-997-3088",
                "999-53-4137", "cf7c878e-a8e3-468a-9d88-dd3e729bf026", "1910", "Tonita", "\"text\"")
                .doesNotContainPattern("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        assertThat(r.err()).isEmpty(); // every Synthea medication is RxNorm-coded: none withheld
    }

    @Test
    void whatIsWithheldIsCountedOnStandardError() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "id": "p1", "name": [{"family": "Secretname"}],
                                "gender": "female", "birthDate": "1952-03-14",
                                "address": [{"line": ["12 Main St"], "city": "Springfield", "postalCode": "01103"}]}},
                  {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "active",
                                "medicationCodeableConcept": {"text": "tea from Mrs Secretname's sister"},
                                "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-01-05"}},
                  {"resource": {"resourceType": "MedicationStatement", "id": "m2", "status": "active",
                                "medicationCodeableConcept": {"text": "Plavix 75 mg"},
                                "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-01-05"}}]}
                """);
        var r = run("", "deid", "--fhir", file.toString(), "--as-of", "2025-06-16");
        assertThat(r.exitCode()).isZero();
        assertThat(r.errLine()).isEqualTo("withheld: 1 medications withheld: neither in the medicines table nor "
                + "RxNorm-coded: free text never leaves");
        assertThat(r.out()).contains("\"clopidogrel\"", "B01AC04", "\"1952\"", "\"011\"")
                .doesNotContain("Secretname", "tea", "Plavix", "Main St", "Springfield", "2024-01-05");
    }

    @Test
    void asOfDecidesWhetherTheBirthYearLeaves() throws IOException {
        String file = synthea("Arla_Lang").toString(); // born 1938-08-08
        var eightyNine = run("", "deid", "--fhir", file, "--as-of", "2028-08-07");
        assertThat(patient(bundle(eightyNine.out())).getBirthDateElement().getValueAsString()).isEqualTo("1938");
        var ninety = run("", "deid", "--fhir", file, "--as-of", "2028-08-08");
        assertThat(patient(bundle(ninety.out())).hasBirthDate()).isFalse();
        // pseudonyms and resource ids are 64 hex digits under a throw-away key: "1938" turns up in them by chance
        assertThat(ninety.out().replaceAll("[0-9a-f]{64}", "<id>")).doesNotContain("1938");
        var today = run("", "deid", "--fhir", file); // the harness clock: 2025-06-16
        assertThat(patient(bundle(today.out())).getBirthDateElement().getValueAsString()).isEqualTo("1938");
    }

    @Test
    void pseudonymsComeFromAThrowAwayKey() throws IOException {
        String file = synthea("Arla_Lang").toString();
        assertThat(patient(bundle(run("", "deid", "--fhir", file).out())).getIdElement().getIdPart())
                .isNotEqualTo(patient(bundle(run("", "deid", "--fhir", file).out())).getIdElement().getIdPart());
    }

    @Test
    void aMalformedFileFailsWithOneClearLineAndExit1() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"),
                "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"name\":"
                        + "[{\"family\":\"Secretname\"");
        var r = run("", "deid", "--fhir", broken.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLine()).startsWith("the --fhir file: not a FHIR R4 JSON resource").doesNotContain("Secretname")
                .doesNotContain("\n");
    }

    @Test
    void aMissingFileOrABadDateIsRefused() {
        var missing = run("", "deid", "--fhir", dir.resolve("none.json").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(missing.errLine()).isEqualTo("the --fhir file does not exist");
        var badDate = run("", "deid", "--fhir", dir.resolve("none.json").toString(), "--as-of", "16/06/2025");
        assertThat(badDate.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badDate.errLine()).contains("--as-of needs a date as YYYY-MM-DD");
        assertThat(run("", "deid").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
