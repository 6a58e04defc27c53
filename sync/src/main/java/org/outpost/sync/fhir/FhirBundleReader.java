package org.outpost.sync.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.outpost.app.domain.Chart;
import org.outpost.app.domain.SharingConsent;
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
 * Reads a FHIR R4 file — a Bundle (collection, transaction, batch, searchset, ...) about one patient, or a single
 * Patient — into the app's {@link Chart}, with HAPI FHIR's parser (JSON, or XML when the file starts with
 * {@code <}). Reads what the chart can hold and de-identification uses:
 * <ul>
 *   <li>the Patient: name, MRN (the identifier of type MR, when it is a valid Outpost MRN), gender, birth date,
 *       first address (lines, city, state and postal code joined into Outpost's one-line address), first phone;</li>
 *   <li>Observations whose LOINC code is one of {@link Measure}'s, with a UCUM unit the measure accepts — also the
 *       components of a panel (blood pressure 85354-9/55284-4 carries 8480-6 and 8462-4). Other codes, e.g. blood
 *       glucose 2339-0 or blood creatinine 38483-4, are not relabelled as the serum measures Outpost records;</li>
 *   <li>MedicationRequests and MedicationStatements with a medicationCodeableConcept: the RxNorm code and the
 *       name (display or text). A stopped or completed one without an end date is taken as stopped on the day it
 *       started (the chart needs a date; only its year could ever leave);</li>
 * </ul>
 * Conditions, encounters, genotypes and everything else are not read. Entries whose subject is another patient are
 * skipped. Not thread-safe in use of its parser; create one per call site.
 */
public final class FhirBundleReader {
    private static final Set<String> PANEL_COMPONENTS = Set.of("8480-6", "8462-4");
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-[0-9]+");
    private static final String LOINC = "http://loinc.org";
    private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private final FhirContext context;
    private final ZoneId zone;

    /** @param zone the clinic's zone, which decides the day of an instant (a medication's start) */
    public FhirBundleReader(ZoneId zone) {
        this(FhirR4.context(), zone);
    }

    public FhirBundleReader(FhirContext context, ZoneId zone) {
        this.context = Objects.requireNonNull(context, "context");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads a file; see {@link #read(String, String)}. */
    public Chart read(Path file) throws FhirReadException, IOException {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new FhirReadException(file.getFileName() + ": not a FHIR file (not UTF-8 text)");
        }
        return read(String.valueOf(file.getFileName()), text);
    }

    /**
     * Reads FHIR JSON or XML text.
     *
     * @param name what to call the input in a message (a file name)
     * @throws FhirReadException when the text is not FHIR R4, is neither a Bundle nor a Patient, or does not hold
     *                           exactly one Patient with a birth date
     */
    public Chart read(String name, String text) throws FhirReadException {
        Objects.requireNonNull(text, "text");
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new FhirReadException(name + ": the file is empty");
        }
        IParser parser = trimmed.startsWith("<") ? context.newXmlParser() : context.newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false));
        IBaseResource resource;
        try {
            resource = parser.parseResource(trimmed);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw new FhirReadException(name + ": not a FHIR R4 " + (trimmed.startsWith("<") ? "XML" : "JSON")
                    + " resource (the parser refused it" + hapiCode(e) + ")");
        }
        List<Resource> resources = new ArrayList<>();
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Objects::nonNull)
                    .forEach(resources::add);
        } else if (resource instanceof org.hl7.fhir.r4.model.Patient) {
            resources.add((Resource) resource);
        } else {
            throw new FhirReadException(name + ": expected a FHIR Bundle or Patient, not "
                    + resource.fhirType());
        }
        List<org.hl7.fhir.r4.model.Patient> patients = resources.stream()
                .filter(org.hl7.fhir.r4.model.Patient.class::isInstance)
                .map(org.hl7.fhir.r4.model.Patient.class::cast).toList();
        if (patients.size() != 1) {
            throw new FhirReadException(name + ": the " + resource.fhirType() + " holds " + patients.size()
                    + " Patient resources; give one patient per file");
        }
        org.hl7.fhir.r4.model.Patient fhirPatient = patients.getFirst();
        Patient patient = patient(name, fhirPatient);
        Set<String> refs = references(fhirPatient);

        List<Observation> observations = new ArrayList<>();
        List<Medication> medications = new ArrayList<>();
        for (Resource r : resources) {
            switch (r) {
                case org.hl7.fhir.r4.model.Observation o when about(o.getSubject(), refs) ->
                        observations.addAll(observations(o, patient.id()));
                case MedicationRequest m when about(m.getSubject(), refs) -> medication(m, patient.id())
                        .ifPresent(medications::add);
                case MedicationStatement m when about(m.getSubject(), refs) -> medication(m, patient.id())
                        .ifPresent(medications::add);
                default -> { }
            }
        }
        return new Chart(patient, observations, medications, List.of(), List.of());
    }

    // ------------------------------------------------------------------------------------------- the patient

    private Patient patient(String name, org.hl7.fhir.r4.model.Patient p) throws FhirReadException {
        if (!p.hasBirthDate() || p.getBirthDate() == null) {
            throw new FhirReadException(name + ": the Patient has no valid birthDate (a full date is needed to "
                    + "compute the age)");
        }
        LocalDate birth = LocalDate.of(p.getBirthDateElement().getYear(), p.getBirthDateElement().getMonth() + 1,
                p.getBirthDateElement().getDay());
        HumanName humanName = p.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst()
                .orElse(p.getNameFirstRep());
        Sex sex = p.hasGender() && p.getGender() != org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.NULL
                ? Sex.fromCode(p.getGender().toCode()) : Sex.UNKNOWN;
        String mrn = p.getIdentifier().stream().filter(FhirBundleReader::isMrn).map(Identifier::getValue)
                .filter(Mrn::isValid).findFirst().orElse("UNKNOWN");
        String phone = p.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
                .map(ContactPoint::getValue).filter(Objects::nonNull).findFirst().orElse("");
        return new Patient(patientId(p), new Mrn(mrn), orEmpty(humanName.getFamily()), orEmpty(humanName.getGivenAsSingleString()),
                sex, birth, address(p.getAddressFirstRep()), phone, SharingConsent.notRecorded(), null);
    }

    private static boolean isMrn(Identifier identifier) {
        return identifier.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
    }

    private static String address(Address a) {
        if (a.isEmpty()) {
            return "";
        }
        if (a.getLine().isEmpty() && !a.hasCity() && !a.hasPostalCode() && a.hasText()) {
            return a.getText();
        }
        List<String> parts = new ArrayList<>();
        a.getLine().forEach(l -> parts.add(l.getValue()));
        parts.add(a.getCity());
        parts.add((orEmpty(a.getState()) + " " + orEmpty(a.getPostalCode())).strip());
        return String.join(", ", parts.stream().filter(s -> s != null && !s.isBlank()).toList());
    }

    private static PatientId patientId(org.hl7.fhir.r4.model.Patient p) {
        return new PatientId(uuid("Patient", p.getIdElement().getIdPart()));
    }

    private static Set<String> references(org.hl7.fhir.r4.model.Patient p) {
        String id = p.getIdElement().getIdPart();
        return id == null ? Set.of() : Set.of("Patient/" + id, "urn:uuid:" + id, id);
    }

    /** Whether a resource is about the patient: its subject names them, or it names nobody. */
    private static boolean about(Reference subject, Set<String> patientRefs) {
        if (subject == null || !subject.hasReference()) {
            return true;
        }
        String ref = subject.getReference();
        return patientRefs.contains(ref) || patientRefs.stream().anyMatch(r -> r.startsWith("Patient/") && ref.endsWith("/" + r));
    }

    // -------------------------------------------------------------------------------------- observations

    private static List<Observation> observations(org.hl7.fhir.r4.model.Observation o, PatientId patient) {
        Optional<Instant> effective = effective(o.getEffective());
        if (effective.isEmpty() || o.getStatus() == org.hl7.fhir.r4.model.Observation.ObservationStatus.ENTEREDINERROR) {
            return List.of();
        }
        String rowId = o.getIdElement().getIdPart();
        List<Observation> list = new ArrayList<>();
        loinc(o.getCode()).flatMap(Measure::byLoinc).flatMap(m -> observation(m, o.getValue(), rowId, patient,
                effective.get())).ifPresent(list::add);
        for (var c : o.getComponent()) {
            loinc(c.getCode()).filter(PANEL_COMPONENTS::contains).flatMap(Measure::byLoinc)
                    .flatMap(m -> observation(m, c.getValue(), rowId + "|" + m.loinc(), patient, effective.get()))
                    .ifPresent(list::add);
        }
        return list;
    }

    private static Optional<Observation> observation(Measure measure, Type value, String rowId, PatientId patient,
                                                     Instant effective) {
        if (!(value instanceof org.hl7.fhir.r4.model.Quantity q) || q.getValue() == null) {
            return Optional.empty();
        }
        Optional<Unit> unit = Unit.parse(q.getCode()).or(() -> Unit.parse(q.getUnit())).filter(measure::accepts);
        BigDecimal number = q.getValue();
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Observation(uuid("Observation", rowId + "|" + measure.loinc()), patient, measure,
                Quantity.of(number.doubleValue(), unit.get()), effective, "fhir-import"));
    }

    private static Optional<String> loinc(CodeableConcept code) {
        return code.getCoding().stream().filter(c -> LOINC.equals(c.getSystem()) && c.hasCode()).map(Coding::getCode)
                .filter(c -> Measure.byLoinc(c).isPresent() || PANEL_COMPONENTS.contains(c)).findFirst();
    }

    private static Optional<Instant> effective(Type effective) {
        Date date = switch (effective) {
            case org.hl7.fhir.r4.model.DateTimeType dt -> dt.getValue();
            case org.hl7.fhir.r4.model.InstantType in -> in.getValue();
            case org.hl7.fhir.r4.model.Period period -> period.getStart();
            case null, default -> null;
        };
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    // -------------------------------------------------------------------------------------- medications

    private Optional<Medication> medication(MedicationRequest m, PatientId patient) {
        if (!m.hasMedicationCodeableConcept() || m.getAuthoredOn() == null) {
            return Optional.empty();
        }
        String status = m.hasStatus() ? m.getStatus().toCode() : "active";
        if (status.equals("entered-in-error") || status.equals("cancelled") || status.equals("draft")) {
            return Optional.empty();
        }
        LocalDate start = day(m.getAuthoredOn().toInstant());
        Optional<LocalDate> stop = Optional.ofNullable(m.getDispenseRequest().getValidityPeriod().getEnd())
                .map(d -> day(d.toInstant()));
        if (stop.isEmpty() && (status.equals("stopped") || status.equals("completed"))) {
            stop = Optional.of(start);
        }
        return medication(m.getMedicationCodeableConcept(), "MedicationRequest/" + m.getIdElement().getIdPart(),
                patient, start, stop);
    }

    private Optional<Medication> medication(MedicationStatement m, PatientId patient) {
        if (!m.hasMedicationCodeableConcept()) {
            return Optional.empty();
        }
        String status = m.hasStatus() ? m.getStatus().toCode() : "active";
        if (status.equals("entered-in-error") || status.equals("not-taken")) {
            return Optional.empty();
        }
        Optional<Instant> from = effective(m.getEffective());
        if (from.isEmpty()) {
            return Optional.empty();
        }
        LocalDate start = day(from.get());
        Optional<LocalDate> stop = m.getEffective() instanceof org.hl7.fhir.r4.model.Period p && p.getEnd() != null
                ? Optional.of(day(p.getEnd().toInstant())) : Optional.empty();
        if (stop.isEmpty() && (status.equals("stopped") || status.equals("completed"))) {
            stop = Optional.of(start);
        }
        return medication(m.getMedicationCodeableConcept(), "MedicationStatement/" + m.getIdElement().getIdPart(),
                patient, start, stop);
    }

    private static Optional<Medication> medication(CodeableConcept code, String rowId, PatientId patient,
                                                   LocalDate start, Optional<LocalDate> stop) {
        Optional<String> rxnorm = code.getCoding().stream().filter(c -> RXNORM.equals(c.getSystem()) && c.hasCode())
                .map(Coding::getCode).findFirst();
        String name = code.getCoding().stream().map(Coding::getDisplay).filter(d -> d != null && !d.isBlank())
                .findFirst().orElse(orEmpty(code.getText()));
        if (name.isBlank() && rxnorm.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Medication(uuid("Medication", rowId), patient, name, rxnorm, "", "", "", start, stop));
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** The resource's own UUID when its id is one, else a name-based UUID of type and id (stable per file). */
    private static UUID uuid(String type, String id) {
        if (id != null) {
            try {
                return UUID.fromString(id);
            } catch (IllegalArgumentException notAUuid) {
                // fall through
            }
        }
        return UUID.nameUUIDFromBytes((type + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** HAPI's error code (e.g. "HAPI-1861") when its message has one: a number, never file content. */
    private static String hapiCode(Exception e) {
        Matcher m = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? ", " + m.group() : "";
    }
}
