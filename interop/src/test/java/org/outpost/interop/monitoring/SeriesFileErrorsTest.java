package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One malformed file per kind of error: each is refused whole, with a message naming the line or entry. */
class SeriesFileErrorsTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> reading(String text) throws IOException {
        return reading(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private AbstractThrowableAssert<?, ? extends Throwable> reading(byte[] bytes, Optional<SeriesFormat> format)
            throws IOException {
        Path file = Files.write(dir.resolve("series"), bytes);
        return assertThatThrownBy(() -> SeriesFiles.read(file, format, ZONE)).isInstanceOf(SeriesFileException.class);
    }

    private static String fitbit(int rows, String badRow) {
        StringBuilder b = new StringBuilder("id,time,hr\n");
        for (int i = 0; i < rows; i++) {
            b.append("1,2016-04-12T07:").append(String.format("%02d", i % 60)).append(":00,70\n");
        }
        return b.append(badRow).append('\n').toString();
    }

    @Test
    void anImplausibleValueIsRefusedNamingItsLineAndTheRange() throws IOException {
        reading(fitbit(1232, "1,2016-04-12T08:00:00,7500"))
                .hasMessage("Line 1234: heart rate 7500 /min is not a plausible reading (20–250 /min)");
        reading("timestamp,measure,value,unit\n2024-01-01T08:00:00,glucose,35,mmol/L\n")
                .hasMessage("Line 2: glucose 630.56 mg/dL (35 mmol/L) is not a plausible reading (20–600 mg/dL)");
    }

    @Test
    void lineNumbersCountBlankLinesCrlfAndQuotedLineBreaks() throws IOException {
        reading("id,time,hr\n1,2016-04-12T07:21:00,70\n\n   \n1,2016-04-12T07:22:00,7000\n")
                .hasMessageStartingWith("Line 5: heart rate 7000 /min");
        reading("id,time,hr\r\n1,2016-04-12T07:21:00,70\r\n1,2016-04-12T07:22:00,abc\r\n")
                .hasMessage("Line 3: 'abc' is not a number");
        reading("id,time,hr\n\"1\n2\",2016-04-12T07:21:00,70\n1,2016-04-12T07:22:00,abc\n")
                .hasMessage("Line 4: 'abc' is not a number");
    }

    @Test
    void anUnknownUnitOrMeasureIsNamed() throws IOException {
        reading("""
                timestamp,measure,value,unit
                2024-01-01T08:00:00,weight,70,kg
                2024-01-02T08:00:00,weight,70.5,kg
                2024-01-03T08:00:00,weight,70.2,kg
                2024-01-04T08:00:00,weight,11,stone
                """).hasMessage("Line 5: unit 'stone' not known for weight (kg, g, lb, [lb_av])");
        reading("timestamp,measure,value,unit\n2024-01-01T08:00:00,steps,7000,count\n")
                .hasMessage("Line 2: measure 'steps' is not one of heart-rate, glucose, systolic-bp, diastolic-bp, weight");
        reading("timestamp,measure,value,unit\n2024-01-01T08:00:00,glucose,100,mg\n")
                .hasMessage("Line 2: unit 'mg' not known for glucose (mg/dL, mmol/L)");
    }

    @Test
    void aDateThatIsNotOneIsQuoted() throws IOException {
        reading("timestamp,measure,value,unit\n2016-04-12T07:21:00,heart-rate,70,/min\n2016-13-45,heart-rate,70,/min\n")
                .hasMessage("Line 3: '2016-13-45' is not a date and time");
        reading(fitbit(0, "1,2016-02-30T07:21:00,70")).hasMessage("Line 2: '2016-02-30T07:21:00' is not a date and time");
    }

    @Test
    void aValueThatIsNotANumberOrARowOfTheWrongShapeIsRefused() throws IOException {
        reading(fitbit(2, "1,2016-04-12T08:00:00,NaN")).hasMessage("Line 4: 'NaN' is not a number");
        reading(fitbit(0, "1,2016-04-12T08:00:00,1e2")).hasMessage("Line 2: '1e2' is not a number");
        reading(fitbit(0, "1,2016-04-12T08:00:00")).hasMessage("Line 2: 2 cells where a row has 3 (id,time,hr)");
    }

    @Test
    void anUnknownHeaderIsRefused() throws IOException {
        reading("date,steps\n2024-01-01,7000\n").hasMessageStartingWith("Line 1: the header is not one Outpost reads");
        reading("date,steps\n".getBytes(StandardCharsets.UTF_8), Optional.of(SeriesFormat.FITBIT))
                .hasMessage("Line 1: the header is not a Fitbit heart-rate export's (expected id,time,hr)");
        reading("id,time,hr\n".getBytes(StandardCharsets.UTF_8), Optional.of(SeriesFormat.DEXCOM))
                .hasMessageStartingWith("Line 1: the header is not a Dexcom export's");
    }

    @Test
    void emptyAndBinaryFilesAreRefused() throws IOException {
        reading("").hasMessage("The file is empty");
        reading(" \n\n").hasMessage("The file is empty");
        reading(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Optional.empty()).hasMessage("The file is empty");
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x02};
        reading(zip, Optional.empty()).hasMessageStartingWith("The file is not text");
        // UTF-16 (a spreadsheet's "Unicode text"): every other byte is NUL
        reading("id,time,hr\n".getBytes(StandardCharsets.UTF_16LE), Optional.empty())
                .hasMessageStartingWith("The file is not text");
        // a NUL far into an otherwise fine file
        reading(fitbit(500, "1,2016-04-12T08:00:00,7\u00000")).hasMessageStartingWith("Line 502: the file holds binary data");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLine() throws IOException {
        byte[] text = fitbit(3, "1,2016-04-12T08:00:00,70").getBytes(StandardCharsets.UTF_8);
        byte[] bad = java.util.Arrays.copyOf(text, text.length + 4);
        System.arraycopy(new byte[] {'1', ',', (byte) 0xC3, '\n'}, 0, bad, text.length, 4); // 0xC3 then no continuation
        reading(bad, Optional.empty()).hasMessage("Line 6: not UTF-8 text (save the file as UTF-8)");
    }

    @Test
    void aHugeCellOrRowIsRefusedBeforeItIsBuffered() throws IOException {
        reading(fitbit(5, "1,2016-04-12T08:00:00," + "9".repeat(10_001)))
                .hasMessage("Line 7: a cell longer than 10,000 characters");
        reading(fitbit(5, "1,2016-04-12T08:00:00,\"" + "9,".repeat(6_000) + "\""))
                .hasMessage("Line 7: a cell longer than 10,000 characters");
        reading(fitbit(1, ",".repeat(150))).hasMessage("Line 3: more than 100 cells in a row");
        // a 10,000-character cell is still read (and then refused for what it holds)
        reading(fitbit(1, "1,2016-04-12T08:00:00," + "9".repeat(10_000))).hasMessageEndingWith("…' is not a number");
    }

    @Test
    void anUnclosedQuoteIsRefused() throws IOException {
        reading(fitbit(2, "1,\"2016-04-12T08:00:00,70\n1,2016-04-12T08:00:00,70"))
                .hasMessageStartingWith("Line 4: a quoted cell starting here is not closed");
    }

    @Test
    void aFileOverTwoGigabytesIsRefusedWithoutReadingIt() throws IOException {
        Path file = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(SeriesFiles.MAX_BYTES + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> SeriesFiles.read(file, Optional.empty(), ZONE)).isInstanceOf(SeriesFileException.class)
                .hasMessage("The file is 2 GB; series files of up to 2 GB are read (split it)");
    }

    @Test
    void aFhirFileOverItsLimitIsRefusedWithoutParsingIt() throws IOException {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.write(("{\"resourceType\": \"Bundle\"" + " ".repeat(10_000)).getBytes(StandardCharsets.UTF_8));
            f.setLength(SeriesFiles.MAX_FHIR_BYTES + 1); // then NULs, sparse, beyond what the format check reads
        }
        assertThatThrownBy(() -> SeriesFiles.read(file, Optional.empty(), ZONE)).isInstanceOf(SeriesFileException.class)
                .hasMessage("The file is 256 MB; FHIR files of up to 256 MB are read (split the Bundle)");
    }

    @Test
    void aMissingFileIsRefusedWithoutNamingItsPath() {
        Path file = dir.resolve("Jane-Doe-cgm.csv");
        assertThatThrownBy(() -> SeriesFiles.read(file, Optional.empty(), ZONE)).isInstanceOf(SeriesFileException.class)
                .hasMessage("The file could not be read (NoSuchFileException)");
    }

    @Test
    void dexcomErrorsNeverQuoteThePatientRows() throws IOException {
        String text = """
                Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,Device Info,Source Device ID,Glucose Value (mg/dL)
                1,,FirstName,,Ann,,,
                2,,LastName,,Example,,,
                3,,DateOfBirth,,2/2/1950,,,
                4,2020-01-01T00:00:00,EGV,,,,G6,1000
                """;
        reading(text).hasMessage("Line 5: glucose 1000 mg/dL is not a plausible reading (20–600 mg/dL)")
                .message().doesNotContain("Ann", "Example", "1950");
    }

    @Test
    void fhirErrorsNameTheEntry() throws IOException {
        String bundle = """
                {"resourceType": "Bundle", "type": "collection", "entry": [
                  {"resource": {"resourceType": "Patient", "name": [{"family": "Example"}]}},
                  {"resource": {"resourceType": "Observation", "status": "final",
                    "code": {"coding": [{"system": "http://loinc.org", "code": "29463-7"}]},
                    "effectiveDateTime": "2024-03-01T08:00:00Z",
                    "valueQuantity": {"value": 11, "unit": "stone"}}}]}
                """;
        reading(bundle).hasMessage("Bundle.entry[1]: unit 'stone' not known for weight (kg, g, lb, [lb_av])");
        reading(bundle.replace("\"effectiveDateTime\": \"2024-03-01T08:00:00Z\",", "").replace("stone", "kg"))
                .hasMessage("Bundle.entry[1]: the Observation has no effectiveDateTime, effectiveInstant or"
                        + " effectivePeriod.start");
        reading(bundle.replace("\"value\": 11, \"unit\": \"stone\"", "\"value\": 700, \"code\": \"kg\""))
                .hasMessage("Bundle.entry[1]: weight 700 kg is not a plausible reading (2–350 kg)");
        reading(bundle.replace("2024-03-01T08:00:00Z", "2024-03").replace("stone", "kg"))
                .hasMessage("Bundle.entry[1]: '2024-03' is not a date and time");
    }

    @Test
    void hostileFhirIsRefusedLikeAnyBrokenFile() throws IOException {
        // deep nesting (a stack overflow in a recursive parser) and a 30 MB string (beyond the JSON reader's limits)
        reading("{\"resourceType\": \"Bundle\", \"entry\": " + "[".repeat(200_000))
                .hasMessageStartingWith("The file is not FHIR R4 JSON");
        reading("{\"resourceType\": \"Observation\", \"status\": \"" + "x".repeat(30_000_000) + "\"}")
                .hasMessageStartingWith("The file is not FHIR R4 JSON");
        reading("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": \"Patient\"}]}")
                .hasMessageStartingWith("The file is not FHIR R4 JSON");
    }

    @Test
    void brokenOrOtherFhirIsRefused() throws IOException {
        reading("{\"resourceType\": \"Bundle\", \"entry\": [").hasMessageStartingWith("The file is not FHIR R4 JSON");
        reading("{\"resourceType\": \"Patient\", \"name\": [{\"family\": \"Example\"}]}")
                .hasMessage("The file is a FHIR Patient, not a Bundle or an Observation");
        reading("{\"resourceType\": \"Nonsense\"}").hasMessageStartingWith("The file is not FHIR R4 JSON")
                .message().doesNotContain("Nonsense");
        reading("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\","
                + " \"birthDate\": \"Example-1950\"}}]}")
                .hasMessageStartingWith("The file is not FHIR R4 JSON").message().doesNotContain("Example");
    }
}
