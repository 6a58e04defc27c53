package org.outpost.interop.monitoring;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.outpost.app.monitoring.Measure;
import org.outpost.interop.monitoring.Values.BadValue;

/**
 * Monitored readings from FHIR R4 JSON: a Bundle (any type) or a single Observation. Vital-sign and glucose
 * Observations are recognised by LOINC code; others are counted by code and skipped. An error names the entry as a
 * FHIRPath ({@code Bundle.entry[3]}, counting from 0) and never quotes the resources' text.
 */
final class FhirSeries {
    static final String LOINC = "http://loinc.org";
    /**
     * Blood pressure panels, whose components carry the systolic and diastolic values: 85354-9 "Blood pressure panel
     * with all children optional" and 55284-4 "Blood pressure systolic and diastolic" (what Synthea writes).
     */
    static final Set<String> BP_PANELS = Set.of("85354-9", "55284-4");
    /** LOINC codes of single-valued observations and the measure they are. */
    static final Map<String, Measure> CODES = Map.ofEntries(
            Map.entry("8867-4", Measure.HEART_RATE), // Heart rate
            Map.entry("8480-6", Measure.SYSTOLIC_BP), // Systolic blood pressure
            Map.entry("8462-4", Measure.DIASTOLIC_BP), // Diastolic blood pressure
            Map.entry("29463-7", Measure.WEIGHT), // Body weight
            Map.entry("3141-9", Measure.WEIGHT), // Body weight Measured
            Map.entry("2339-0", Measure.GLUCOSE), // Glucose [Mass/volume] in Blood
            Map.entry("2340-8", Measure.GLUCOSE), // Glucose [Mass/volume] in Blood by Automated test strip (Measure.loinc())
            Map.entry("15074-8", Measure.GLUCOSE), // Glucose [Moles/volume] in Blood
            Map.entry("41653-7", Measure.GLUCOSE), // Glucose [Mass/volume] in Capillary blood by Glucometer
            Map.entry("14743-9", Measure.GLUCOSE), // Glucose [Moles/volume] in Capillary blood by Glucometer
            Map.entry("99504-3", Measure.GLUCOSE)); // Glucose [Mass/volume] in Interstitial fluid (CGM)
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");

    private FhirSeries() {
    }

    static ParsedSeries read(Reader json, ZoneId zone) throws SeriesFileException {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false)); // unknown elements are ignored, never logged
        IBaseResource resource;
        try {
            resource = parser.parseResource(json);
        } catch (RuntimeException e) {
            for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
                if (c instanceof CancellationException cancelled) {
                    throw cancelled; // HAPI wraps what the reader throws, the user's cancel included
                }
            }
            // DataFormatException as a rule; on hostile input HAPI has also been seen to fail with a
            // NullPointerException ({"resource": "Patient"}), so whatever the parser throws means "not FHIR"
            Matcher code = HAPI_CODE.matcher(String.valueOf(e.getMessage()));
            throw new SeriesFileException("The file is not FHIR R4 JSON (the parser refused it"
                    + (code.find() ? ", " + code.group() : "") + ")");
        }
        SeriesCollector out = new SeriesCollector();
        Times times = new Times(zone);
        if (resource instanceof Bundle bundle) {
            List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
            for (int i = 0; i < entries.size(); i++) {
                resource(entries.get(i).getResource(), "Bundle.entry[" + i + "]", times, out);
            }
        } else if (resource instanceof Observation observation) {
            resource(observation, "Observation", times, out);
        } else {
            throw new SeriesFileException("The file is a FHIR " + resource.fhirType()
                    + ", not a Bundle or an Observation");
        }
        return out.result(SeriesFormat.FHIR);
    }

    private static void resource(Resource resource, String where, Times times, SeriesCollector out)
            throws SeriesFileException {
        out.row();
        if (!(resource instanceof Observation observation)) {
            out.skip(new Skipped(SkipReason.FHIR_NOT_AN_OBSERVATION, resource == null ? "(none)" : resource.fhirType()));
            return;
        }
        try {
            observation(observation, times, out);
        } catch (BadValue e) {
            throw new SeriesFileException(where + ": " + e.getMessage());
        }
    }

    private static void observation(Observation observation, Times times, SeriesCollector out) throws BadValue {
        Optional<String> loinc = loinc(observation.getCode(), true);
        if (loinc.isEmpty()) {
            out.skip(new Skipped(SkipReason.FHIR_OTHER_CODE, firstCoding(observation.getCode())));
            return;
        }
        Observation.ObservationStatus status = observation.getStatus();
        if (status == Observation.ObservationStatus.ENTEREDINERROR
                || status == Observation.ObservationStatus.CANCELLED) {
            out.skip(new Skipped(SkipReason.FHIR_STATUS, status.toCode()));
            return;
        }
        String code = loinc.get();
        if (BP_PANELS.contains(code)) {
            boolean any = false;
            for (Observation.ObservationComponentComponent component : observation.getComponent()) {
                Optional<Measure> measure = loinc(component.getCode(), false).map(CODES::get)
                        .filter(m -> m == Measure.SYSTOLIC_BP || m == Measure.DIASTOLIC_BP);
                if (measure.isPresent() && component.hasValueQuantity()) {
                    add(measure.get(), component.getValueQuantity(), observation, times, out);
                    any = true;
                }
            }
            if (!any) {
                out.skip(Skipped.of(SkipReason.FHIR_WITHOUT_VALUE));
            }
            return;
        }
        if (!observation.hasValue()) {
            out.skip(Skipped.of(SkipReason.FHIR_WITHOUT_VALUE));
            return;
        }
        if (!observation.hasValueQuantity()) {
            throw new BadValue("the " + code + " Observation's value is a " + observation.getValue().fhirType()
                    + ", not a Quantity");
        }
        add(CODES.get(code), observation.getValueQuantity(), observation, times, out);
    }

    private static void add(Measure measure, Quantity quantity, Observation observation, Times times,
            SeriesCollector out) throws BadValue {
        BigDecimal number = quantity.getValue();
        if (number == null) {
            throw new BadValue("the " + Units.name(measure) + " has a Quantity without a value");
        }
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.hasUnit() ? quantity.getUnit() : "";
        double factor = Units.factor(measure, unit).orElseThrow(() -> new BadValue("unit " + Values.quote(unit)
                + " not known for " + Units.name(measure) + " (" + Units.accepted(measure) + ")"));
        double given = number.doubleValue();
        double value = Values.plausible(measure, given * factor,
                factor == 1 ? "" : " (" + Values.format(given) + " " + unit + ")");
        if (quantity.hasComparator()) {
            out.atSensorLimit(); // "<40 mg/dL": below the device's range, kept at its limit as Dexcom's "Low" is
        }
        out.add(measure, effective(observation, times), value);
    }

    /** effectiveDateTime, effectiveInstant or effectivePeriod.start, in epoch milliseconds. */
    private static long effective(Observation observation, Times times) throws BadValue {
        if (observation.hasEffectiveDateTimeType()) {
            return dateTime(observation.getEffectiveDateTimeType(), times);
        }
        if (observation.hasEffectiveInstantType() && observation.getEffectiveInstantType().getValue() != null) {
            return observation.getEffectiveInstantType().getValue().getTime();
        }
        if (observation.hasEffectivePeriod() && observation.getEffectivePeriod().hasStart()) {
            return dateTime(observation.getEffectivePeriod().getStartElement(), times);
        }
        throw new BadValue("the Observation has no effectiveDateTime, effectiveInstant or effectivePeriod.start");
    }

    /** The dateTime as written (HAPI would read a time without an offset in the JVM's zone, not the patient's). */
    private static long dateTime(DateTimeType dateTime, Times times) throws BadValue {
        String text = dateTime.getValueAsString();
        if (text == null) {
            throw new BadValue("the Observation's effective time is empty");
        }
        return times.read(text);
    }

    /** The first LOINC code of the concept Outpost monitors (panel included if {@code panel}). */
    private static Optional<String> loinc(CodeableConcept concept, boolean panel) {
        for (Coding coding : concept.getCoding()) {
            if (LOINC.equals(coding.getSystem()) && coding.getCode() != null) {
                String code = coding.getCode().strip();
                if (CODES.containsKey(code) || (panel && BP_PANELS.contains(code))) {
                    return Optional.of(code);
                }
            }
        }
        return Optional.empty();
    }

    private static String firstCoding(CodeableConcept concept) {
        if (!concept.hasCoding()) {
            return "(no coding)";
        }
        Coding c = concept.getCodingFirstRep();
        String code = c.hasCode() ? c.getCode() : "";
        String text = c.hasSystem() ? c.getSystem() + "|" + code : code;
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
