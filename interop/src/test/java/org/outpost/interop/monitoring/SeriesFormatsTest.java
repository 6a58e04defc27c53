package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.outpost.app.monitoring.Measure;
import org.outpost.app.monitoring.Reading;

/** One small file per format, with every unit conversion checked against its published factor. */
class SeriesFormatsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(ZONE).toInstant();
    }

    @Test
    void formatsAreRecognisedFromTheirStart() {
        assertThat(detect("id,time,hr\n1,2016-04-12T07:21:00,97\n")).contains(SeriesFormat.FITBIT);
        assertThat(detect("\uFEFFIndex,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mg/dL)\n"))
                .contains(SeriesFormat.DEXCOM);
        assertThat(detect("Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mmol/L)\r\n"))
                .contains(SeriesFormat.DEXCOM);
        assertThat(detect("Timestamp, Measure ,VALUE,unit\n")).contains(SeriesFormat.GENERIC);
        assertThat(detect("  {\"resourceType\":\"Bundle\"}")).contains(SeriesFormat.FHIR);
        assertThat(detect("date,steps\n")).isEmpty();
        assertThat(SeriesFormat.fromCode("Dexcom")).contains(SeriesFormat.DEXCOM);
        assertThat(SeriesFormat.fromCode("csv")).isEmpty();
    }

    private static Optional<SeriesFormat> detect(String head) {
        return SeriesFormat.detect(head.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void fitbitLocalTimesAreTakenInTheZoneGivenAndSortedOldestFirst() throws Exception {
        Path file = write("hr.csv", """
                id,time,hr
                7,2016-04-12T07:21:05,102
                7,2016-04-12T07:21:00,97
                7,2016-04-12T07:21:05,101
                """);
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);
        assertThat(series.readings(Measure.HEART_RATE)).containsExactly(
                new Reading(local("2016-04-12T07:21:00"), 97),
                new Reading(local("2016-04-12T07:21:05"), 102), // equal times keep the file's order
                new Reading(local("2016-04-12T07:21:05"), 101));
        assertThat(series.duplicateTimestamps(Measure.HEART_RATE)).isEqualTo(1);
        assertThat(series.rowsRead()).isEqualTo(3);
        Path blank = write("hr-blank.csv", "id,time,hr\n\n1,2016-04-12T07:21:00,97\n  \n");
        ParsedSeries withBlanks = SeriesFiles.read(blank, Optional.empty(), ZONE);
        assertThat(withBlanks.readingCount()).isEqualTo(1);
        assertThat(withBlanks.skipped()).containsExactly(Map.entry(Skipped.of(SkipReason.BLANK_LINE), 2L));
        assertThat(withBlanks.rowsRead()).isEqualTo(3);
    }

    @Test
    void theHourAClockGoesBackIsReadTwiceInOrderNotFoldedOntoOne() throws Exception {
        // Paris, 2023-10-29: at 03:00 CEST (01:00Z) clocks go back to 02:00 CET, so 02:00-02:59 local happens twice
        Path file = write("dst.csv", """
                id,time,hr
                1,2023-10-29T02:30:00,60
                1,2023-10-29T02:45:00,61
                1,2023-10-29T02:15:00,62
                1,2023-10-29T02:30:00,63
                1,2023-10-29T03:00:00,64
                """);
        assertThat(SeriesFiles.read(file, Optional.empty(), ZONE).readings(Measure.HEART_RATE)).containsExactly(
                new Reading(Instant.parse("2023-10-29T00:30:00Z"), 60),
                new Reading(Instant.parse("2023-10-29T00:45:00Z"), 61),
                new Reading(Instant.parse("2023-10-29T01:15:00Z"), 62),
                new Reading(Instant.parse("2023-10-29T01:30:00Z"), 63),
                new Reading(Instant.parse("2023-10-29T02:00:00Z"), 64));
    }

    @Test
    void dexcomLowAndHighAreStoredAtTheSensorLimitsAndCounted() throws Exception {
        Path file = write("cgm.csv", """
                \uFEFFIndex,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL)
                1,,FirstName,,Ann,,,
                2,,LastName,,Example,,,
                3,,DateOfBirth,,2/2/1950,,,
                4,2020-01-01T00:00:00,EGV,,,,G6,Low
                5,2020-01-01T00:05:00,EGV,,,,G6,High
                6,2020-01-01T00:10:00,EGV,,,,G6,181
                7,2020-01-01T00:12:00,Calibration,,,,G6,180
                8,2020-01-01T00:15:00,EGV,,,,G6,
                9,2020-01-01T00:20:00,Insulin,Fast-Acting,,,G6,
                """);
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);
        // Dexcom G6 reports 40-400 mg/dL; below and above it says "Low" / "High" (G6 user guide, sensor range)
        assertThat(series.readings(Measure.GLUCOSE)).containsExactly(
                new Reading(local("2020-01-01T00:00:00"), 40),
                new Reading(local("2020-01-01T00:05:00"), 400),
                new Reading(local("2020-01-01T00:10:00"), 181));
        assertThat(series.atSensorLimit()).isEqualTo(2);
        assertThat(series.skipped()).isEqualTo(Map.of(
                Skipped.of(SkipReason.DEXCOM_PATIENT_OR_DEVICE_ROW), 3L,
                new Skipped(SkipReason.DEXCOM_EVENT, "Calibration"), 1L,
                new Skipped(SkipReason.DEXCOM_EVENT, "Insulin"), 1L,
                Skipped.of(SkipReason.DEXCOM_EGV_WITHOUT_VALUE), 1L));
        assertThat(series.rowsRead()).isEqualTo(9);
        assertThat(series.toString()).doesNotContain("Ann", "Example", "1950");
    }

    @Test
    void dexcomMmolPerLitreIsConvertedToMgPerDl() throws Exception {
        Path file = write("cgm-mmol.csv", """
                Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mmol/L)
                1,2020-01-01T08:00:00,EGV,5.5
                2,2020-01-01T08:05:00,EGV,10.0
                """);
        List<Reading> glucose = SeriesFiles.read(file, Optional.of(SeriesFormat.DEXCOM), ZONE)
                .readings(Measure.GLUCOSE);
        // glucose C6H12O6, molar mass 180.156 g/mol: 1 mmol/L = 18.016 mg/dL; 5.5 mmol/L = 99.09 mg/dL,
        // 10.0 mmol/L = 180.16 mg/dL (the ADA's tables round these to 99 and 180)
        assertThat(glucose.get(0).value()).isCloseTo(99.088, within(1e-9));
        assertThat(glucose.get(1).value()).isCloseTo(180.16, within(1e-9));
    }

    @Test
    void genericReadsEveryMeasureInEveryUnitAndOffsetOrLocalTimes() throws Exception {
        Path file = write("generic.csv", """
                timestamp,measure,value,unit
                2024-03-01T08:00:00Z,heart-rate,62,/min
                2024-03-01T08:00:00+01:00,heart-rate,64,bpm
                2024-03-01T09:00:00,heart-rate,66,beats/min
                2024-03-01T08:00:00,glucose,7.0,mmol/L
                2024-03-01T08:01:00,glucose,126,mg/dL
                2024-03-01T08:00:00,systolic-bp,16,kPa
                2024-03-01T08:00:00,diastolic-bp,80,mmHg
                2024-03-01T08:00:00,systolic-bp,120,mm[Hg]
                2024-03-01T08:00:00,weight,154,lb
                2024-03-02T08:00:00,weight,70000,g
                2024-03-03T08:00:00,weight,70.5,kg
                2024-03-04T08:00:00,WEIGHT,160,[lb_av]
                """);
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);
        assertThat(series.format()).isEqualTo(SeriesFormat.GENERIC);
        assertThat(series.readings(Measure.HEART_RATE)).containsExactly(
                new Reading(Instant.parse("2024-03-01T07:00:00Z"), 64), // 08:00+01:00
                new Reading(Instant.parse("2024-03-01T08:00:00Z"), 62),
                new Reading(local("2024-03-01T09:00:00"), 66)); // Paris, UTC+1 in March: 08:00Z, after 62
        // 7.0 mmol/L × 18.016 = 126.112 mg/dL (the ADA's diagnostic fasting threshold, "126 mg/dL (7.0 mmol/L)")
        assertThat(series.readings(Measure.GLUCOSE).get(0).value()).isCloseTo(126.112, within(1e-9));
        assertThat(series.readings(Measure.GLUCOSE).get(1).value()).isEqualTo(126);
        // 1 mmHg = 133.322387415 Pa, so 16 kPa = 16000 / 133.322387415 = 120.0099 mmHg
        assertThat(series.readings(Measure.SYSTOLIC_BP).get(0).value()).isCloseTo(120.0099, within(1e-4));
        assertThat(series.readings(Measure.SYSTOLIC_BP).get(1).value()).isEqualTo(120);
        assertThat(values(series, Measure.DIASTOLIC_BP)).containsExactly(80.0);
        // 1 lb = 0.45359237 kg exactly: 154 lb = 69.85322498 kg, 160 lb = 72.5747792 kg; 70000 g = 70 kg
        List<Double> weight = values(series, Measure.WEIGHT);
        assertThat(weight.get(0)).isCloseTo(69.85322498, within(1e-8));
        assertThat(weight.get(1)).isCloseTo(70.0, within(1e-12));
        assertThat(weight.get(2)).isEqualTo(70.5);
        assertThat(weight.get(3)).isCloseTo(72.5747792, within(1e-8));
        assertThat(series.readingCount()).isEqualTo(12);
    }

    private static List<Double> values(ParsedSeries series, Measure measure) {
        return series.readings(measure).stream().map(Reading::value).toList();
    }

    @Test
    void fhirBundleGivesVitalSignsAndGlucoseByLoincAndCountsTheRest() throws Exception {
        Path file = dir.resolve("bundle.json");
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("vitals-bundle.json"))) {
            Files.copy(in, file);
        }
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);
        assertThat(series.format()).isEqualTo(SeriesFormat.FHIR);
        assertThat(series.readings(Measure.HEART_RATE)).containsExactly(
                new Reading(Instant.parse("2024-03-01T07:00:00Z"), 72), // effectiveDateTime 08:00+01:00
                new Reading(Instant.parse("2024-03-01T07:30:00.250Z"), 75)); // effectiveInstant
        // the panel's components, and a standalone systolic with effectivePeriod.start in local time (Paris)
        assertThat(series.readings(Measure.SYSTOLIC_BP)).containsExactly(
                new Reading(Instant.parse("2024-03-01T08:00:00Z"), 128),
                new Reading(local("2024-03-02T10:00:00"), 131));
        assertThat(series.readings(Measure.DIASTOLIC_BP)).containsExactly(
                new Reading(Instant.parse("2024-03-01T08:00:00Z"), 82));
        // 165 [lb_av] × 0.45359237 = 74.84274105 kg
        assertThat(series.readings(Measure.WEIGHT).getFirst().value()).isCloseTo(74.84274105, within(1e-8));
        // 6.1 mmol/L × 18.016 = 109.8976 mg/dL (LOINC 15074-8), 99504-3 interstitial in mg/dL
        assertThat(series.readings(Measure.GLUCOSE).get(0).value()).isCloseTo(109.8976, within(1e-9));
        assertThat(series.readings(Measure.GLUCOSE).get(1).value()).isEqualTo(140);
        assertThat(series.rowsRead()).isEqualTo(10);
        assertThat(series.skipped()).isEqualTo(Map.of(
                new Skipped(SkipReason.FHIR_NOT_AN_OBSERVATION, "Patient"), 1L,
                new Skipped(SkipReason.FHIR_OTHER_CODE, "http://loinc.org|2093-3"), 1L,
                new Skipped(SkipReason.FHIR_STATUS, "entered-in-error"), 1L));
    }

    @Test
    void aSingleFhirObservationIsReadToo() throws Exception {
        Path file = write("obs.json", """
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
                 "effectiveDateTime": "2024-03-01T08:00:00Z",
                 "valueQuantity": {"value": 71.2, "unit": "kg", "system": "http://unitsofmeasure.org", "code": "kg"}}
                """);
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);
        assertThat(series.readings(Measure.WEIGHT)).containsExactly(new Reading(Instant.parse("2024-03-01T08:00:00Z"), 71.2));
        assertThat(series.rowsRead()).isEqualTo(1);
    }

    @Test
    void aFhirValueWithAComparatorIsKeptAtTheLimitAndCounted() throws Exception {
        Path file = write("cgm.json", """
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "99504-3"}]},
                 "effectiveDateTime": "2024-03-01T03:00:00Z",
                 "valueQuantity": {"value": 40, "comparator": "<", "system": "http://unitsofmeasure.org", "code": "mg/dL"}}
                """);
        ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZONE);
        assertThat(series.readings(Measure.GLUCOSE)).containsExactly(new Reading(Instant.parse("2024-03-01T03:00:00Z"), 40));
        assertThat(series.atSensorLimit()).isEqualTo(1);
    }

    @Test
    void progressIsReportedAndCanCancelTheRead() throws Exception {
        StringBuilder text = new StringBuilder("id,time,hr\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("1,2016-04-12T07:21:00,").append(60 + i % 40).append('\n');
        }
        Path file = write("long.csv", text.toString());
        long size = Files.size(file);
        List<Long> seen = new ArrayList<>();
        SeriesFiles.read(file, Optional.empty(), ZONE, (read, total) -> {
            assertThat(total).isEqualTo(size);
            seen.add(read);
            return true;
        });
        assertThat(seen).hasSizeGreaterThan(2).isSorted().endsWith(size);
        // FHIR too: the bundle is read through the same counting stream
        StringBuilder bundle = new StringBuilder("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [");
        for (int i = 0; i < 2_000; i++) {
            bundle.append(i == 0 ? "" : ",").append("{\"resource\": {\"resourceType\": \"Basic\", \"id\": \"b")
                    .append(i).append("\"}}");
        }
        Path fhir = write("bundle.json", bundle.append("]}").toString());
        Assertions.assertThatThrownBy(() -> SeriesFiles.read(fhir, Optional.empty(), ZONE, (read, total) -> false))
                .isInstanceOf(CancellationException.class);
        assertThat(SeriesFiles.read(fhir, Optional.empty(), ZONE).skipped())
                .containsExactly(Map.entry(new Skipped(SkipReason.FHIR_NOT_AN_OBSERVATION, "Basic"), 2_000L));
        Assertions.assertThatThrownBy(() -> SeriesFiles.read(file, Optional.empty(), ZONE, (read, total) -> false))
                .isInstanceOf(CancellationException.class);
    }
}
