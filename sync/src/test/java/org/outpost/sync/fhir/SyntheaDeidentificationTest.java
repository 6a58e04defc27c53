package org.outpost.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.outpost.app.catalog.BundledModels;
import org.outpost.app.domain.Chart;
import org.outpost.app.model.ModelRegistry;
import org.outpost.sync.deid.Deidentifier;
import org.outpost.sync.deid.PseudonymKey;

/**
 * A property over every real Synthea patient file: none of the 18 Safe Harbor identifiers of 45 CFR
 * 164.514(b)(2)(i) that the source holds — names (patient, mother's maiden name, practitioners), street lines,
 * cities, full ZIP codes, phone numbers, e-mail, MRN, SSN, driver's licence and passport numbers, resource ids, URLs
 * of the source system, and every full date (birth, death, observation times) — appears anywhere in the FHIR JSON that
 * would be sent for it.
 */
class SyntheaDeidentificationTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 16);
    private static final Deidentifier DEID;
    static {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        DEID = Deidentifier.withBundledTables(PseudonymKey.of(key), new ModelRegistry(BundledModels.all()), ZoneOffset.UTC);
    }
    private static final Pattern FULL_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final FhirBundleReader reader = new FhirBundleReader(ZoneOffset.UTC);
    private final FhirSummaryBuilder builder = new FhirSummaryBuilder();

    static List<Path> files() {
        return SyntheaFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void noIdentifierOfTheSourceAppearsInTheJsonSent(Path file) throws Exception {
        Bundle source = FhirR4.context().newJsonParser().parseResource(Bundle.class, Files.readString(file));
        Set<String> identifying = identifyingStrings(source);
        assertThat(identifying).hasSizeGreaterThan(10);

        Chart chart = reader.read(file);
        String json = builder.json(DEID.summarise(chart, List.of(), false, AS_OF));

        for (String s : identifying) {
            assertThat(Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(s) + "(?![A-Za-z0-9])").matcher(json).find())
                    .as("%s must not leave", s.length() > 3 ? s.substring(0, 3) + "…" : s).isFalse();
        }
        assertThat(FULL_DATE.matcher(json).find()).as("a full date").isFalse();
        assertThat(json).doesNotContain("\"text\"", "\"div\"", "\"name\"", "\"telecom\"", "\"line\"", "\"city\"",
                "smarthealthit", "synthea", "urn:uuid:", "http://hospital");
        Bundle sent = FhirR4.context().newJsonParser().parseResource(Bundle.class, json);
        assertThat(sent.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(sent.getEntry()).filteredOn(e -> e.getResource().fhirType().equals("Observation")).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theBirthYearLeavesOnlyBelow90AndTheZipOnlyAsThreeDigits(Path file) throws Exception {
        Bundle source = FhirR4.context().newJsonParser().parseResource(Bundle.class, Files.readString(file));
        Patient before = patient(source);
        Patient after = patient(builder.build(DEID.summarise(reader.read(file), List.of(), false, AS_OF)));
        LocalDate born = LocalDate.parse(before.getBirthDateElement().getValueAsString());
        if (java.time.Period.between(born, AS_OF).getYears() >= 90) {
            assertThat(after.hasBirthDate()).isFalse();
            assertThat(after.hasExtension(FhirSummaryBuilder.NINETY_OR_OLDER_EXTENSION)).isTrue();
        } else {
            assertThat(after.getBirthDateElement().getValueAsString()).isEqualTo(String.valueOf(born.getYear()));
        }
        String zip = before.getAddressFirstRep().getPostalCode();
        assertThat(after.getAddressFirstRep().getPostalCode())
                .isEqualTo(zip == null ? "000" : zip.substring(0, 3));
    }

    private static Patient patient(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst().orElseThrow();
    }

    /** Every identifying value the source file holds about the patient, their carers and the clinic. */
    private static Set<String> identifyingStrings(Bundle source) {
        Set<String> out = new LinkedHashSet<>();
        for (Bundle.BundleEntryComponent e : source.getEntry()) {
            Resource r = e.getResource();
            out.add(r.getIdElement().getIdPart());
            switch (r) {
                case Patient p -> {
                    p.getName().forEach(n -> names(n, out));
                    p.getIdentifier().stream().map(Identifier::getValue).forEach(out::add);
                    p.getTelecom().stream().map(ContactPoint::getValue).forEach(out::add);
                    p.getAddress().forEach(a -> address(a, out));
                    out.add(p.getBirthDateElement().getValueAsString());
                    if (p.hasDeceasedDateTimeType()) {
                        out.add(p.getDeceasedDateTimeType().getValueAsString().substring(0, 10));
                    }
                    for (Extension x : p.getExtension()) {
                        if (x.getValue() instanceof Address a) {
                            address(a, out);
                        } else if (x.getValue() instanceof org.hl7.fhir.r4.model.StringType s) {
                            out.add(s.getValue());
                        }
                    }
                }
                case Practitioner pr -> {
                    pr.getName().forEach(n -> names(n, out));
                    pr.getIdentifier().stream().map(Identifier::getValue).forEach(out::add);
                    pr.getTelecom().stream().map(ContactPoint::getValue).forEach(out::add);
                    pr.getAddress().forEach(a -> address(a, out));
                }
                case Organization o -> {
                    out.add(o.getName());
                    o.getIdentifier().stream().map(Identifier::getValue).forEach(out::add);
                    o.getTelecom().stream().map(ContactPoint::getValue).forEach(out::add);
                    o.getAddress().forEach(a -> address(a, out));
                }
                default -> { }
            }
        }
        // Numbers shorter than five digits (Synthea gives some practitioners an NPI of "80") cannot be told apart from
        // a measured value of 80 mmHg; every patient identifier in these files is longer.
        out.removeIf(s -> s == null || s.isBlank() || s.length() < 2 || s.matches("[0-9]{1,4}"));
        return out;
    }

    private static void names(HumanName n, Set<String> out) {
        out.add(n.getFamily());
        n.getGiven().stream().map(PrimitiveType::getValue).forEach(out::add);
        n.getPrefix().stream().map(PrimitiveType::getValue).forEach(out::add);
        n.getSuffix().stream().map(PrimitiveType::getValue).forEach(out::add);
    }

    private static void address(Address a, Set<String> out) {
        a.getLine().stream().map(PrimitiveType::getValue).forEach(out::add);
        out.add(a.getCity());
        out.add(a.getDistrict());
        out.add(a.getPostalCode());
    }
}
