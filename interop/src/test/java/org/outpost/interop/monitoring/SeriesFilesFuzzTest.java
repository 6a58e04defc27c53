package org.outpost.interop.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever lines follow a real header (or none), reading ends in readings or a {@link SeriesFileException}:
 * no other exception type escapes (a NumberFormatException, DateTimeException or the CSV parser's own would).
 */
class SeriesFilesFuzzTest {
    private static final List<String> HEADERS = List.of("id,time,hr", "timestamp,measure,value,unit",
            "Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mg/dL)",
            "\uFEFFIndex,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Glucose Value (mmol/L)", "{\"resourceType\": \"Bundle\",",
            "{\"resourceType\": \"Observation\",", "", "garbage");

    @Provide
    Arbitrary<String> header() {
        return Arbitraries.of(HEADERS);
    }

    @Provide
    Arbitrary<String> line() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> csvish = Arbitraries.strings().withChars("0123456789-:T,.\" ZLowHigh/minkgEV+e")
                .ofMaxLength(50);
        Arbitrary<String> plausible = Arbitraries.of("1,2016-04-12T07:21:00,70", "2024-01-01T08:00:00Z,glucose,5.5,mmol/L",
                "5,2020-01-01T00:00:00,EGV,Low", "6,2020-01-01T00:00:00,EGV,", "7,,FirstName,Ann",
                "\"entry\": [{\"resource\": {\"resourceType\": \"Observation\"}}]}", "}", "\"");
        return Arbitraries.oneOf(noise, csvish, plausible);
    }

    @Property(tries = 200)
    void aMutilatedFhirBundleEndsInReadingsOrASeriesFileException(@ForAll @IntRange(max = 100_000) int at,
            @ForAll @IntRange(max = 40) int cut, @ForAll("fhirNoise") String insert) throws IOException {
        String bundle;
        try (var in = java.util.Objects.requireNonNull(getClass().getResourceAsStream("vitals-bundle.json"))) {
            bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int from = at % bundle.length();
        String mutated = bundle.substring(0, from) + insert + bundle.substring(Math.min(bundle.length(), from + cut));
        Path file = Files.createTempFile("series-fuzz", ".json");
        try {
            Files.write(file, mutated.getBytes(StandardCharsets.UTF_8));
            ParsedSeries series = SeriesFiles.read(file, Optional.empty(), ZoneId.of("Europe/Paris"));
            assertThat(series.rowsRead()).isGreaterThanOrEqualTo(0);
        } catch (SeriesFileException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<String> fhirNoise() {
        return Arbitraries.oneOf(Arbitraries.of("", "{", "}", "[", "]", "\"", ",", "null", "0", "-1e999", "\"x\"",
                "\"resourceType\": \"Patient\",", "\"valueQuantity\": {}", "\"effectiveDateTime\": \"2024\","),
                Arbitraries.strings().ofMaxLength(8));
    }

    @Property(tries = 300)
    void garbageLinesEndInReadingsOrASeriesFileException(@ForAll("header") String header,
            @ForAll @Size(max = 12) List<@net.jqwik.api.From("line") String> lines) throws IOException {
        Path file = Files.createTempFile("series-fuzz", ".csv");
        try {
            // getBytes, not writeString: a lone surrogate becomes '?' instead of failing the test's own write
            Files.write(file, (header + "\n" + String.join("\n", lines)).getBytes(StandardCharsets.UTF_8));
            for (Optional<SeriesFormat> format : List.of(Optional.<SeriesFormat>empty(), Optional.of(SeriesFormat.GENERIC),
                    Optional.of(SeriesFormat.FHIR))) {
                try {
                    ParsedSeries series = SeriesFiles.read(file, format, ZoneId.of("Europe/Paris"));
                    assertThat(series.rowsRead()).isGreaterThanOrEqualTo(0);
                } catch (SeriesFileException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
